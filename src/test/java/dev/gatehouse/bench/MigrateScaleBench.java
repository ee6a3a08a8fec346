package dev.gatehouse.bench;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.migrate.MigrationRequest;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.migrate.Migrator;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.TrustAnchors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * bench/migrate-scale.sh's in-process half: the files of DIR read into a view (parse), then {@link Migrator#migrate}
 * over every Ingress (conversion, YAML and the behavioural diff; the diff's own time is its report's), ROUNDS
 * times after one warm-up; prints each phase of the fastest round and the round's requests compared.
 */
public final class MigrateScaleBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        long bestTotal = Long.MAX_VALUE;
        String best = "";
        for (int r = 0; r <= rounds; r++) {
            long t0 = System.nanoTime();
            LoadResult loaded = new YamlClusterLoader().load(files);
            if (!(loaded instanceof LoadResult.Loaded ok)) {
                throw new IllegalStateException("the input does not load: " + loaded);
            }
            ClusterView view = ok.view();
            long t1 = System.nanoTime();
            MigrationResult result = new Migrator(ControllerProfile.ingressNginx(), AppClock.system(),
                    TrustAnchors.jdkDefaults()).migrate(view, MigrationRequest.everything());
            long t2 = System.nanoTime();
            long parse = (t1 - t0) / 1_000_000;
            long migrate = (t2 - t1) / 1_000_000;
            long diff = result.diff().took().toMillis();
            String line = "parse_ms=" + parse + " ms\nconvert_ms=" + (migrate - diff) + " ms\ndiff_ms=" + diff
                    + " ms\ntotal_ms=" + (parse + migrate) + " ms\ningresses_converted=" + result.plan().converted()
                    .size() + " Ingresses\nrequests_compared=" + result.diff().compared() + " requests\ndifferences="
                    + result.diff().differences().size() + " requests\nunexplained=" + result.diff().unexplained()
                    .size() + " requests";
            System.out.println("# round " + (r == 0 ? "warm-up" : String.valueOf(r)) + ": parse " + parse
                    + " ms, convert " + (migrate - diff) + " ms, diff " + diff + " ms");
            if (r > 0 && parse + migrate < bestTotal) {
                bestTotal = parse + migrate;
                best = line;
            }
        }
        System.out.println(best);
    }
}
