package cn.bailian.testkit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one), in this JVM, from the Apache Kafka
 * artifacts. It can be stopped and started again on the same ports and log directory, which is how tests
 * take Kafka away from a running service.
 */
public final class KafkaBroker {

    /**
     * Where {@link #shared()} announces its address to the whole JVM: Quarkus loads test classes in a class
     * loader of its own, so a plain JUnit test that runs after the {@code @QuarkusTest}s cannot reach the
     * static field, only this property.
     */
    static final String SHARED_BOOTSTRAP_PROPERTY = "testkit.kafka.shared-bootstrap-servers";

    private static KafkaBroker shared;

    /** The harness's own identity on a secured broker: a super user, as Strimzi's operators are in the cluster. */
    public static final String ADMIN = "bailian-admin";

    static final String SCRAM = "SCRAM-SHA-512";

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    /** null: a plain listener anyone may use; else SASL/SCRAM with ACLs, and this is the admin's password */
    private final String adminPassword;

    private boolean formatted;
    private KafkaRaftServer server;

    private KafkaBroker(Path logDir, int port, int controllerPort) {
        this(logDir, port, controllerPort, null);
    }

    private KafkaBroker(Path logDir, int port, int controllerPort, String adminPassword) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.adminPassword = adminPassword;
    }

    /**
     * A broker as the cluster's (deploy/base/kafka): its client listener is SASL_PLAINTEXT with SCRAM-SHA-512 and
     * Kafka's StandardAuthorizer enforces ACLs, so a client may do only what its user's ACLs allow. The only user at
     * first is {@link #ADMIN}, a super user; {@link KafkaUsers} adds the services'. (The controller listener stays
     * plain on the loopback: the node's own controller traffic.)
     */
    public static KafkaBroker securedAt(Path logDir, int port, int controllerPort, String adminPassword) {
        return new KafkaBroker(logDir, port, controllerPort, adminPassword);
    }

    public boolean secured() {
        return adminPassword != null;
    }

    /** The client settings of a user of this broker: empty on a plain broker, SASL/SCRAM on a secured one. */
    public Properties clientProperties(String user, String password) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        if (secured()) {
            props.put("security.protocol", "SASL_PLAINTEXT");
            props.put("sasl.mechanism", SCRAM);
            props.put("sasl.jaas.config", jaas(user, password));
        }
        return props;
    }

    /** The harness's super-user settings (on a plain broker, just the address). */
    public Properties adminProperties() {
        return clientProperties(ADMIN, adminPassword);
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** The broker for this JVM, started on first use, on free ports and a temporary log directory. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            try {
                shared = new KafkaBroker(Files.createTempDirectory("bailian-kafka-"), freePort(), freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
            System.setProperty(SHARED_BOOTSTRAP_PROPERTY, shared.bootstrapServers());
        }
        return shared;
    }

    /** The address of the broker some test of this JVM started, if any did; starts none. */
    public static Optional<String> sharedIfStarted() {
        return Optional.ofNullable(System.getProperty(SHARED_BOOTSTRAP_PROPERTY));
    }

    /** A broker on given ports whose data stays in {@code logDir} (bin/bailian up). */
    public static KafkaBroker at(Path logDir, int port, int controllerPort) {
        return new KafkaBroker(logDir, port, controllerPort);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", "1");
        if (secured()) {
            String client = "SASL_PLAINTEXT://127.0.0.1:" + port;
            props.put("listeners", client + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", client);
            props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
            props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("sasl.enabled.mechanisms", SCRAM);
            props.put("sasl.mechanism.inter.broker.protocol", SCRAM);
            props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas(ADMIN, adminPassword));
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // ANONYMOUS is only ever the principal of the plain controller listener (the SASL one authenticates
            // everyone)
            props.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
            props.put("allow.everyone.if.no.acl.found", "false");
            props.put("auto.create.topics.enable", "false");
        }
        try {
            if (!formatted && !Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setNodeId(1)
                        .setClusterId(Uuid.randomUuid().toString())
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(logDir.toString())
                        .addDirectory(logDir.toString())
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setScramArguments(
                                secured()
                                        ? java.util.List.of(
                                                SCRAM + "=[name=" + ADMIN + ",password=" + adminPassword + "]")
                                        : java.util.List.of())
                        .run();
            }
            formatted = true;
            server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
            awaitListening();
        } catch (Exception e) {
            server = null;
            throw new IllegalStateException("Kafka broker did not start", e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Kafka broker not listening on " + port);
    }

    /** A TCP port free on this machine right now (for the broker, and for service processes in system tests). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
