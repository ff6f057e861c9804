package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.TestServers.register;
import static io.warcast.broadcast.TestServers.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.warcast.api.BroadcasterCounter;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyService;
import io.warcast.api.Origin;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.Payload;
import io.warcast.broadcast.wire.WireCodec;
import io.warcast.broadcast.wire.WireLimits;
import io.warcast.harness.BrokerUsers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Servers A and B each have a broker user of their own, and so has a foreign publisher, Mallory, who may write to the
 * exchange. Mallory publishes in A's name (A's {@code origin.instance}, which is in every message A sends): B refuses
 * it as forged, counts it, and goes on hearing every real change of A, with no gap and no flush. With {@code
 * amqpbroadcast.trustedpublishers} B refuses whatever Mallory sends. And RabbitMQ itself refuses a {@code user_id}
 * that is not the publishing connection's user, which all of this relies on. RabbitMQ only: it creates broker users
 * with {@code rabbitmqctl}.
 */
class ForgedOriginIT {

    private static final BrokerUsers users = new BrokerUsers();
    private static BrokerUsers.User userA;
    private static BrokerUsers.User userB;
    private static BrokerUsers.User mallory;

    private final WireCodec wire = new WireCodec(WireLimits.DEFAULT);

    @RegisterExtension
    final TestServers servers = new TestServers(() -> RabbitBroker.ADMIN);

    @BeforeAll
    static void brokerUsers() {
        RabbitBroker.requireUserAdmin();
        userA = users.add("warcast-it-a");
        userB = users.add("warcast-it-b");
        mallory = users.add("warcast-it-mallory");
    }

    @AfterAll
    static void removeBrokerUsers() {
        users.deleteAll();
    }

    @Test
    void aForgedMessageInAnotherServersNameIsRefusedAndTheRealChangesAreAllHeard() throws Exception {
        TestServer b = server("b", userB);
        RecordingListener heardOnB = register(b.join("/shop").service());
        DataNotifyService shopOnA = bHasHeardFirstChangeOfA(b, heardOnB);

        try (LogCapture log = LogCapture.start();
                Connection forger = connect(mallory)) {
            publish(forger, forgery(shopOnA.self(), Long.MAX_VALUE), mallory.name());
            publish(forger, forgery(shopOnA.self(), 3), mallory.name());
            within(Duration.ofSeconds(10))
                    .alias("B refuses both forgeries as FORGED")
                    .until(() -> b.metrics().get(BroadcasterCounter.FORGED) == 2);
            assertThat(log.linesWith("Warcast refused"))
                    .as("the first forgery in full, the second counted for the minute's summary")
                    .singleElement()
                    .asString()
                    .contains("with user_id [" + mallory.name() + "]: that instance was first heard from another"
                            + " broker user (FORGED)");
        }

        for (int key = 2; key <= 11; key++) {
            shopOnA.notifyDataChange(change("shop", key));
        }
        within(Duration.ofSeconds(20))
                .alias("B hears A's next 10 changes")
                .until(() -> heardFrom(heardOnB, shopOnA).size() == 11);
        List<DataChangeEvent> heard = heardFrom(heardOnB, shopOnA);
        System.out.println("[forged] B refused " + b.metrics().get(BroadcasterCounter.FORGED)
                + " forged messages (counted as Forged) and heard " + (heard.size() - 1) + " of A's next 10 changes");
        assertThat(heard.stream().map(DataChangeEvent::sequence))
                .as("A's changes on B, in order, none dropped as 'already delivered'")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 11).boxed().toList());
        assertThat(heard)
                .as("each with the broker user the broker vouched for")
                .allSatisfy(event -> assertThat(event.origin().publisher()).contains(userA.name()));
        assertThat(heardOnB.flushes).as("no flush: the forged seq 3 was no gap").isEmpty();
        assertThat(b.metrics().get(BroadcasterCounter.GAPS)).isZero();
        assertThat(b.metrics().get(BroadcasterCounter.DUPLICATES_SUPPRESSED)).isZero();
        assertThat(b.metrics().get(BroadcasterCounter.FORGED)).isEqualTo(2);
    }

    @Test
    void aMessageWithoutUserIdNamingAServersInstanceIsRefused() throws Exception {
        TestServer b = server("b", userB);
        RecordingListener heardOnB = register(b.join("/shop").service());
        DataNotifyService shopOnA = bHasHeardFirstChangeOfA(b, heardOnB);

        try (Connection forger = connect(mallory)) {
            publish(forger, forgery(shopOnA.self(), 2), null);
        }
        within(Duration.ofSeconds(10))
                .alias("B refuses the message without user_id as FORGED")
                .until(() -> b.metrics().get(BroadcasterCounter.FORGED) == 1);
        shopOnA.notifyDataChange(change("shop", 2));

        within(Duration.ofSeconds(10))
                .alias("B hears A's seq 2, the number the forgery took")
                .until(() -> heardFrom(heardOnB, shopOnA).size() == 2);
        assertThat(key(heardFrom(heardOnB, shopOnA).get(1)))
                .as("A's real change 2, not the forgery")
                .isEqualTo(2L);
    }

    @Test
    void withTrustedPublishersAForeignUsersMessagesAreRefused() throws Exception {
        TestServer b = server("b", userB, "amqpbroadcast.trustedpublishers=" + userA.name());
        RecordingListener heardOnB = register(b.join("/shop").service());
        DataNotifyService shopOnA = shopOnA(b);

        Origin mallorysOwn =
                new Origin("pricing-svc", "/pricing", "", UUID.randomUUID().toString());
        try (Connection foreign = connect(mallory)) {
            publish(foreign, forgery(mallorysOwn, 1), mallory.name());
            publish(foreign, forgery(mallorysOwn, 2), null);
        }
        within(Duration.ofSeconds(10))
                .alias("B refuses both of Mallory's messages as UNTRUSTED")
                .until(() -> b.metrics().get(BroadcasterCounter.UNTRUSTED) == 2);
        shopOnA.notifyDataChange(change("shop", 1));

        within(Duration.ofSeconds(10)).alias("B hears A, who is trusted").until(() -> heardOnB.changes.size() == 1);
        assertThat(heardOnB.changes.get(0).origin()).isEqualTo(shopOnA.self());
        assertThat(b.metrics().get(BroadcasterCounter.FORGED)).isZero();
    }

    @Test
    void rabbitMqRefusesAUserIdThatIsNotThePublishingConnectionsUser() throws Exception {
        TestServer b = server("b", userB);
        RecordingListener heardOnB = register(b.join("/shop").service());
        DataNotifyService shopOnA = shopOnA(b);

        try (Connection forger = connect(mallory)) {
            Channel channel = forger.createChannel();
            channel.confirmSelect();
            channel.basicPublish(servers.exchange, "", properties(userA.name()), forgery(shopOnA.self(), 1));
            assertThatThrownBy(() -> channel.waitForConfirmsOrDie(10_000))
                    .as("RabbitMQ closes the channel of a publish that claims another user")
                    .isInstanceOf(ShutdownSignalException.class);
            String reason = String.valueOf(channel.getCloseReason());
            System.out.println("[forged] RabbitMQ refused Mallory's user_id [" + userA.name() + "]: " + reason);
            assertThat(reason).contains("PRECONDITION_FAILED", "user_id", mallory.name());
        }
        shopOnA.notifyDataChange(change("shop", 1));

        within(Duration.ofSeconds(10)).alias("B hears A's real change").until(() -> heardOnB.changes.size() == 1);
        assertThat(key(heardOnB.changes.get(0))).isEqualTo(1L);
        assertThat(b.metrics().get(BroadcasterCounter.FORGED))
                .as("the forgery never reached B")
                .isZero();
    }

    /** Starts A, and waits until B has heard A's first change: B has bound A's instance to A's broker user. */
    private DataNotifyService bHasHeardFirstChangeOfA(TestServer b, RecordingListener heardOnB) {
        DataNotifyService shopOnA = shopOnA(b);
        shopOnA.notifyDataChange(change("shop", 1));
        within(Duration.ofSeconds(10)).alias("B hears A's first change").until(() -> heardOnB.changes.size() == 1);
        return shopOnA;
    }

    /** Starts server A with its own broker user, joined to /shop; returns once A's and B's queues are bound. */
    private DataNotifyService shopOnA(TestServer b) {
        TestServer a = server("a", userA);
        DataNotifyService shop = a.join("/shop").service();
        servers.awaitBound(a, b);
        return shop;
    }

    /** A server whose broker user may declare, write to and read only the test's exchange and its own queue. */
    private TestServer server(String name, BrokerUsers.User user, String... extraLines) {
        String own = "^(" + quote(servers.exchange) + "|" + quote("warcast." + servers.serverId(name)) + ")$";
        users.permit(user, own, own, own);
        String[] lines = new String[extraLines.length + 2];
        lines[0] = "amqpbroadcast.username=" + user.name();
        lines[1] = "amqpbroadcast.password=" + user.password();
        System.arraycopy(extraLines, 0, lines, 2, extraLines.length);
        return servers.start(name, lines);
    }

    /** Mallory may only publish to the exchange: no queue, no declaring. */
    private Connection connect(BrokerUsers.User user) throws IOException, TimeoutException {
        users.permit(user, "^$", "^" + quote(servers.exchange) + "$", "^$");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(RabbitBroker.HOST);
        factory.setPort(RabbitBroker.PORT);
        factory.setUsername(user.name());
        factory.setPassword(user.password());
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("warcast-it forger");
    }

    /** Publishes with confirms: when this returns, the broker has routed the message to B's queue. */
    private void publish(Connection connection, byte[] body, String userId)
            throws IOException, InterruptedException, TimeoutException {
        Channel channel = connection.createChannel();
        channel.confirmSelect();
        channel.basicPublish(servers.exchange, "", properties(userId), body);
        channel.waitForConfirmsOrDie(10_000);
        channel.close();
    }

    private byte[] forgery(Origin claimed, long sequence) {
        return wire.encode(new Envelope(
                UUID.randomUUID().toString(),
                claimed,
                sequence,
                Instant.now(),
                new Payload.Change(change("shop", "forged-" + sequence))));
    }

    private static AMQP.BasicProperties properties(String userId) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .type("warcast.change")
                .messageId(UUID.randomUUID().toString())
                .userId(userId)
                .build();
    }

    private static List<DataChangeEvent> heardFrom(RecordingListener listener, DataNotifyService sender) {
        return listener.changes.stream()
                .filter(event -> event.origin().equals(sender.self()))
                .toList();
    }

    private static Object key(DataChangeEvent event) {
        Object id = event.change().primaryKeys().get(0).get("id");
        return id instanceof Number number ? number.longValue() : id;
    }

    private static String quote(String name) {
        return name.replace(".", "\\.");
    }
}
