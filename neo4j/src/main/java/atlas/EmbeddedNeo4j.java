package atlas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community in this JVM with Bolt on 127.0.0.1, for Coalition Atlas's embedded default.
 *
 * Usage: java -jar atlas-neo4j.jar --port 7687 --store .data/neo4j [--pagecache-mb 256]
 *
 * Prints exactly one line starting with "NEO4J_READY" on stdout once the database accepts Bolt
 * connections; the Node side waits for it. SIGTERM/SIGINT shut the database down cleanly so the
 * store is reused on the next start. Auth is off: Bolt only listens on loopback.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path store = Path.of(".data/neo4j");
        long pageCacheMb = 256;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> { port = Integer.parseInt(require(args[i], value)); i++; }
                case "--store" -> { store = Path.of(require(args[i], value)); i++; }
                case "--pagecache-mb" -> { pageCacheMb = Long.parseLong(require(args[i], value)); i++; }
                default -> fail("unknown argument " + args[i] + " (expected --port, --store, --pagecache-mb)");
            }
        }

        Path home = store.toAbsolutePath();
        Files.createDirectories(home);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s twice for idle connections on shutdown by default; the databases
                // are already checkpointed by then, so a short wait keeps Ctrl-C snappy.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            dbms.shutdown();
            System.out.println("NEO4J_STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            fail("database did not become available within 2 minutes; see the logs under " + home.resolve("logs"));
        }
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " store=" + home);
        System.out.flush();
        stopped.await();
    }

    private static String require(String flag, String value) {
        if (value == null) fail(flag + " needs a value");
        return value;
    }

    private static void fail(String message) {
        System.err.println("NEO4J_FAILED " + message);
        System.exit(2);
    }
}
