package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The path the proxy matches, against what nginx 1.22 (Debian nginx-light, {@code merge_slashes} on)
 * matched for the same request line: {@code $uri} seen by a backend behind
 * {@code location / { proxy_pass http://127.0.0.1:PORT; proxy_set_header X-Uri $uri; }}, or its 400.
 * Recorded 2026-12-02 (docs/proxy.md, "Request paths"); the test itself needs no nginx.
 */
class RequestPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            /a/./b            | /a/b
            /a/../b           | /b
            /a//b             | /a/b
            //a               | /a
            /a/b/..           | /a/
            /a/b/.            | /a/b/
            /.                | /
            /                 | /
            /a/b//            | /a/b/
            /a//../b          | /b
            /a//b/../c        | /a/c
            /a/./../b         | /b
            /a/...            | /a/...
            /a/.../b          | /a/.../b
            /a/..b            | /a/..b
            /a/..;/b          | /a/..;/b
            /a/%2e%2e/b       | /b
            /a/%2E%2E/b       | /b
            /a/.%2e/b         | /b
            /a/%2e/b          | /a/b
            /a%2fb            | /a/b
            /a%2F..%2Fb       | /b
            /a/..%2f          | /
            /a/b/%2e%2e%2f    | /a/
            /a%2f%2fb         | /a/b
            /%2F%2Fa          | /a
            /%41              | /A
            /a%25b            | /a%b
            /a%3Fb            | /a?b
            /a%23b            | /a#b
            /%20x             | '/ x'
            /a%2e             | /a.
            /a\\b             | /a\\b
            /caf%C3%A9        | /café
            /a#frag           | /a
            /a#/../..         | /a
            """)
    void pathsAreNormalisedAsNginxMatchesThem(String raw, String nginxUri) {
        dev.gatehouse.routing.NginxPath.Normalised n = RequestPath.normalise(raw.replace("\\\\", "\\"));
        assertThat(n.problem()).isEmpty();
        assertThat(n.path()).isEqualTo(nginxUri.replace("\\\\", "\\"));
    }

    @ParameterizedTest(name = "{0} -> 400")
    @CsvSource(delimiter = '|', textBlock = """
            /..               | goes above the root
            /../a             | goes above the root
            /a/../..          | goes above the root
            /a/../../b        | goes above the root
            /a/b/../../..     | goes above the root
            /%2e%2e/a         | goes above the root
            /.%2e             | goes above the root
            /%2e%2e           | goes above the root
            /a/%2e%2e%2f%2e%2e%2fb | goes above the root
            /a%00b            | encoded NUL byte
            /a%zzb            | broken percent-escape "%zz"
            /a%2              | broken percent-escape "%2"
            /a%               | broken percent-escape "%"
            """)
    void nginxRefusesTheseWith400AndSoDoesTheProxy(String raw, String reason) {
        dev.gatehouse.routing.NginxPath.Normalised n = RequestPath.normalise(raw);
        assertThat(n.valid()).isFalse();
        assertThat(n.problem()).contains(reason);
    }

    /** nginx 1.21.1+ refuses control characters in the request line (ProxyRequestFuzzTest found one in a redirect). */
    @org.junit.jupiter.api.Test
    void aLiteralControlCharacterIsRefusedAsNginxRefusesIt() {
        assertThat(RequestPath.normalise("/a/b\u001d/c").problem()).isEqualTo("the path contains the control character 0x1d");
        assertThat(RequestPath.normalise("/a%1db").valid()).as("an escaped one is decoded for matching").isTrue();
    }

    /** What nginx 1.22 sent upstream after {@code rewrite "(?i)/app(/|$)(.*)" /$2 break;} for /app/…. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            '/x y'            | /x%20y
            /a/b              | /a/b
            /a%b              | /a%25b
            /a"b              | /a%22b
            /a<b>             | /a%3Cb%3E
            /a{b}^`\\         | /a%7Bb%7D%5E%60%5C
            '/a|b'            | /a%7Cb
            /a[b];=&@:$!,*()+~' | /a[b];=&@:$!,*()+~'
            /café             | /caf%C3%A9
            /a?q=%20          | /a?q=%20
            """)
    void aRewrittenPathIsEscapedAsNginxSendsIt(String rewritten, String sent) {
        assertThat(RequestPath.escapeRewritten(rewritten.replace("\\\\", "\\"))).isEqualTo(sent);
    }
}
