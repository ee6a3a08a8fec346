# Windows installer: the app-image (Gatehouse\Gatehouse.exe) and the .msi (or .exe) made from it.
#
#   powershell -NoProfile -ExecutionPolicy Bypass -File installers\windows\build.ps1 [-Type app-image|msi|exe]
#
# Run by `mvn -Pinstaller package` on Windows (the os-windows profile picks the BoringSSL native
# windows-x86_64 and passes INSTALLER_TYPE, GH_VERSION, GH_TARGET), or by hand from the
# repository root after `mvn -DskipTests package`. Needs a JDK 17 (JAVA_HOME or jpackage on PATH)
# and, for .msi/.exe, the WiX Toolset 3.x (candle.exe, light.exe on PATH). Output in
# target\installer\: Gatehouse\ and Gatehouse-<version>.msi. Mirrors installers/common.sh:
# change both together. Written on Linux without Windows to test it: see docs/installers.md.
param(
    [ValidateSet('app-image', 'msi', 'exe')]
    [string]$Type = $(if ($env:INSTALLER_TYPE) { $env:INSTALLER_TYPE } else { 'msi' })
)
$ErrorActionPreference = 'Stop'

$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
$Target = if ($env:GH_TARGET) { $env:GH_TARGET } else { Join-Path $Root 'target' }
$Out = Join-Path $Target 'installer'
$Name = 'Gatehouse'
$Vendor = 'Gatehouse'
$Copyright = 'Copyright the Gatehouse authors'
$Description = 'Workbench for TLS at the Kubernetes Ingress'
# Never change: Windows Installer recognises upgrades of the same product by it.
$UpgradeUuid = '40135d35-15c2-4343-b28f-a69c2d62fa5a'
$JlinkOptions = '--strip-java-debug-attributes --no-header-files --no-man-pages --compress=2 --generate-cds-archive'

function Fail([string]$Message) { Write-Error "[installer] $Message"; exit 1 }
function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { Fail "$Exe failed ($LASTEXITCODE)" }
}

# The package version: the Maven version without qualifier (0.1.0-SNAPSHOT -> 0.1.0).
$Version = $env:GH_VERSION
if (-not $Version) {
    $props = Join-Path $Target 'classes\gatehouse-version.properties'
    if (Test-Path $props) { $Version = ((Get-Content $props) -match '^version=') -replace '^version=', '' }
}
$Version = "$Version" -replace '-.*$', ''
if ($Version -notmatch '^\d+(\.\d+){0,2}$') { Fail "version '$Version' is not 1-3 numbers" }

$Modules = (Get-Content (Join-Path $Root 'installers\modules.txt') |
    ForEach-Object { ($_ -replace '#.*$', '').Trim() } | Where-Object { $_ }) -join ','
$Jpackage = if ($env:JAVA_HOME) { Join-Path $env:JAVA_HOME 'bin\jpackage.exe' } else { 'jpackage' }

# jpackage's --input: the jar and its runtime dependencies only.
$Jar = Join-Path $Target 'gatehouse.jar'
if (-not (Test-Path $Jar)) { Fail "no $($Jar): run 'mvn -DskipTests package' first" }
$Staging = Join-Path $Out 'input'
$Image = Join-Path $Out $Name
foreach ($dir in @($Staging, $Image)) { if (Test-Path $dir) { Remove-Item -Recurse -Force $dir } }
New-Item -ItemType Directory -Force $Staging | Out-Null
Copy-Item $Jar $Staging
Copy-Item -Recurse (Join-Path $Target 'lib') (Join-Path $Staging 'lib')

Write-Host "[installer] jpackage app-image $Version ($Modules)"
Invoke-Checked $Jpackage @(
    '--type', 'app-image', '--dest', $Out,
    '--name', $Name, '--app-version', $Version, '--vendor', $Vendor,
    '--copyright', $Copyright, '--description', $Description,
    '--input', $Staging, '--main-jar', 'gatehouse.jar', '--main-class', 'dev.gatehouse.Main',
    '--add-modules', $Modules, '--jlink-options', $JlinkOptions,
    '--icon', (Join-Path $Root 'icons\gatehouse.ico'),
    '--add-launcher', ('gatehouse-cli=' + (Join-Path $PSScriptRoot 'gatehouse-cli.properties'))
)
Invoke-Checked (Join-Path $Image 'gatehouse-cli.exe') @('--self-check')

if ($Type -ne 'app-image') {
    Get-ChildItem $Out -Filter "*.$Type" | Remove-Item -Force
    Write-Host "[installer] jpackage $Type"
    # Per-user install (no administrator rights; %LOCALAPPDATA%\Gatehouse), Start-menu entry and
    # desktop shortcut.
    Invoke-Checked $Jpackage @(
        '--type', $Type, '--app-image', $Image, '--dest', $Out,
        '--name', $Name, '--app-version', $Version, '--vendor', $Vendor,
        '--copyright', $Copyright, '--description', $Description,
        '--icon', (Join-Path $Root 'icons\gatehouse.ico'),
        '--win-per-user-install', '--win-menu', '--win-menu-group', $Name, '--win-shortcut',
        '--win-upgrade-uuid', $UpgradeUuid
    )
    Write-Host "[installer] built $((Get-ChildItem $Out -Filter "*.$Type").FullName)"
}
Write-Host "[installer] app-image: $Image"
