package dev.gatehouse.hostile;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the hostile-input corpus (certificates and keys, YAML manifests, kubeconfigs) into a folder with
 * its {@code index.tsv}. Used by {@link HostileCorpusRunTest} (in-process, fast) and by
 * {@code bench/hostile.sh} (one CLI process per input):
 * {@code java -cp target/gatehouse.jar:target/test-classes dev.gatehouse.hostile.HostileCorpus DIR --streams}.
 */
public final class HostileCorpus {

    private HostileCorpus() {
    }

    /** @param withStreams also FIFOs, devices and the largest files */
    public static Corpus generate(Path dir, boolean withStreams) throws Exception {
        Corpus c = new Corpus(dir, withStreams);
        CertInputs.write(c);
        ManifestInputs.write(c);
        KubeconfigInputs.write(c);
        c.writeIndex();
        return c;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/hostile-corpus"));
        boolean streams = args.length > 1 && "--streams".equals(args[1]);
        Corpus c = generate(dir, streams);
        System.out.println(c.inputs().size() + " inputs written to " + dir);
    }
}
