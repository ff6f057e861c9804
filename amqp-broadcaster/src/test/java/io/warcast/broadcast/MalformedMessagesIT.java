package io.warcast.broadcast;

import static io.warcast.broadcast.TestServers.register;
import static io.warcast.broadcast.TestServers.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.warcast.api.BroadcasterCounter;
import io.warcast.api.ChangeAction;
import io.warcast.api.DataChange;
import io.warcast.api.DataNotifyService;
import io.warcast.api.Origin;
import io.warcast.broadcast.wire.Decoded.RejectReason;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.Payload;
import io.warcast.broadcast.wire.WireCodec;
import io.warcast.broadcast.wire.WireLimits;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A foreign client publishes garbage straight to the exchange, between valid v1 changes: the receiving server skips
 * each bad message, counts it by reason and logs a warning for the first of each reason, and its listeners get exactly
 * the valid changes, in order.
 */
class MalformedMessagesIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @RegisterExtension
    final TestServers servers = new TestServers(broker::admin);

    @Test
    void garbageIsSkippedCountedAndLoggedOncePerReasonAndDeliveryGoesOn() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            TestServer a = servers.start("a");
            TestServer b = servers.start("b");
            DataNotifyService shopOnA = a.join("/shop").service();
            RecordingListener heardOnB = register(b.join("/shop").service());
            servers.awaitBound(a, b);
            shopOnA.notifyDataChange(change("a-before"));
            within(Duration.ofSeconds(10))
                    .alias("B hears A before the garbage")
                    .until(() -> heardOnB.changes.size() == 1);

            ForeignSender foreign = new ForeignSender();
            List<byte[]> bodies = new ArrayList<>();
            bodies.add(foreign.next("f-1"));
            bodies.add(utf8("this is not JSON {"));
            bodies.add(foreign.next("f-2"));
            bodies.add(utf8("{\"v\":2,\"id\":\"x\",\"kind\":\"change\",\"everything\":\"else is new\"}"));
            bodies.add(foreign.next("f-3"));
            bodies.add(tenMegabytes());
            bodies.add(foreign.next("f-4"));
            bodies.add(utf8(v1Change("\"keys\":[{\"id\":{\"nested\":1}}]", 1)));
            bodies.add(foreign.next("f-5"));
            bodies.add(utf8(v1Change("\"keys\":[{\"id\":1}]", 1).replace("\"seq\":1", "\"seq\":\"1\"")));
            bodies.add(foreign.next("f-6"));
            bodies.add(utf8(v1Change(hundredThousandKeys(), 1)));
            bodies.add(foreign.next("f-7"));
            bodies.add(foreign.newerKind()); // a kind of a newer sender: skipped, but its number is no gap
            bodies.add(foreign.next("f-8"));
            publishConfirmed(bodies);
            shopOnA.notifyDataChange(change("a-after"));

            within(Duration.ofSeconds(30))
                    .alias("B hears A's change published after the garbage")
                    .until(() -> heardOnB.changes.size() >= 10);
            assertThat(heardOnB.changes)
                    .as("B's listener hears exactly the valid changes, in order")
                    .extracting(event -> event.change().primaryKeys().get(0).get("id"))
                    .containsExactly("a-before", "f-1", "f-2", "f-3", "f-4", "f-5", "f-6", "f-7", "f-8", "a-after");
            assertThat(heardOnB.flushes)
                    .as("garbage is no reason to flush, nor is the number a newer kind took in its sender's sequence")
                    .isEmpty();

            Map<RejectReason, Long> expected = Map.of(
                    RejectReason.MALFORMED, 1L,
                    RejectReason.UNKNOWN_VERSION, 1L,
                    RejectReason.OVERSIZED, 2L,
                    RejectReason.WRONG_TYPE, 2L,
                    RejectReason.UNKNOWN_KIND, 1L);
            assertThat(b.metrics().rejected()).as("B's counters by reason").isEqualTo(expected);
            assertThat(rejectedInJmx(servers.serverId("b")))
                    .as("B's counters by reason in JMX")
                    .isEqualTo(expected.entrySet().stream()
                            .collect(Collectors.toMap(entry -> entry.getKey().name(), Map.Entry::getValue)));
            assertThat(b.metrics().get(BroadcasterCounter.GAPS))
                    .as("B saw no gap in the valid senders' sequences")
                    .isZero();
            // A's queue is bound to the exchange too: A skips the same garbage, and may still be at it.
            within(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(a.metrics().rejected()).as("A's counters by reason").isEqualTo(expected);
                for (RejectReason reason : RejectReason.values()) {
                    assertThat(log.linesWith("WARN", "Warcast skipped a message", servers.exchange, "(" + reason + ")"))
                            .as(
                                    "a warning for the first %s message on each of the two servers, within the minute"
                                            + " no more",
                                    reason)
                            .hasSize(2);
                }
            });
            assertThat(log.linesWith("WARN", "Warcast skipped a message", servers.exchange))
                    .as("the warnings quote a few dozen characters, never a whole body")
                    .allSatisfy(line -> assertThat(line).hasSizeLessThan(500));
        }
    }

    @Test
    void aFloodOfGarbageLeavesTheLogAFewLinesLongerAndTheConsumerDelivering() throws Exception {
        TestServer b = servers.start("b");
        RecordingListener heardOnB = register(b.join("/shop").service());
        servers.awaitBound(b);
        ForeignSender foreign = new ForeignSender();
        byte[] valid = foreign.next("valid");
        String json = new String(valid, StandardCharsets.UTF_8);
        // Six kinds of MALFORMED, all from a foreign client that cannot get UTF-8 or JSON right.
        List<byte[]> kinds = List.of(
                utf8("this is not JSON {"),
                utf8(json.replace("\"seq\":1,", "")),
                utf8(json + " {}"),
                utf8("\uFEFF" + json),
                bytes(json.replace("\"valid\"", "\"\u00C0\u0080valid\"")), // an overlong U+0000
                bytes(json.replace("\"valid\"", "\"\u00ED\u00A0\u0080\""))); // a surrogate
        List<byte[]> garbage = IntStream.range(0, 20_000)
                .mapToObj(i -> kinds.get(i % kinds.size()))
                .toList();

        try (LogCapture log = LogCapture.start()) {
            publishConfirmed(garbage);
            within(Duration.ofSeconds(120))
                    .alias("B counts 20,000 malformed messages")
                    .until(() -> b.metrics().rejected().get(RejectReason.MALFORMED) == 20_000L);
            publishConfirmed(List.of(foreign.next("after the flood")));
            within(Duration.ofSeconds(30))
                    .alias("B's listener hears the valid change published after the flood")
                    .until(() -> heardOnB.changes.size() == 1);

            List<String> lines = log.linesWith("");
            System.out.println("[flood] 20,000 garbage messages: " + lines.size() + " log lines, MALFORMED counter "
                    + b.metrics().rejected().get(RejectReason.MALFORMED));
            assertThat(lines).as("the log lines written during the flood").hasSizeLessThanOrEqualTo(100);
            assertThat(log.linesWith("WARN", "Warcast skipped a message", servers.exchange, "(MALFORMED)"))
                    .as("the first malformed message, in full")
                    .hasSize(1);
        }
        assertThat(heardOnB.changes.get(0).change().primaryKeys().get(0).get("id"))
                .isEqualTo("after the flood");
        assertThat(b.metrics().rejected())
                .as("only malformed messages, each counted")
                .containsEntry(RejectReason.MALFORMED, 20_000L)
                .containsEntry(RejectReason.UNKNOWN_KIND, 0L);
    }

    /** Each character of a text as one byte: writes any bytes, and a JSON text's ASCII as itself. */
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void publishConfirmed(List<byte[]> bodies) throws Exception {
        try (Connection connection = broker.admin().connect("garbage publisher")) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/json")
                    .deliveryMode(2)
                    .build();
            for (byte[] body : bodies) {
                channel.basicPublish(servers.exchange, "", properties, body);
            }
            channel.waitForConfirmsOrDie(30_000);
        }
    }

    /** A well-behaved non-Warcast publisher: its own instance, sequence 1, 2, 3… */
    private static final class ForeignSender {
        private final WireCodec codec = new WireCodec(WireLimits.DEFAULT);
        private final Origin origin =
                new Origin("foreign-svc", "/pricing", "", UUID.randomUUID().toString());
        private long sequence;

        byte[] next(String key) {
            return codec.encode(new Envelope(
                    UUID.randomUUID().toString(), origin, ++sequence, Instant.now(), new Payload.Change(change(key))));
        }

        /** The next message, of a kind only a newer sender knows: {@code presence}. */
        byte[] newerKind() {
            return utf8(new String(next("presence"), StandardCharsets.UTF_8)
                    .replace("\"kind\":\"change\"", "\"kind\":\"presence\"")
                    .replace("\"change\":{", "\"presence\":{"));
        }
    }

    private static DataChange change(String key) {
        return DataChange.builder("shop", "items", ChangeAction.UPDATE)
                .key("id", key)
                .build();
    }

    /** A v1 change, written by hand per docs/wire-format.md, from a sender of garbage: its own instance. */
    private static String v1Change(String keys, long sequence) {
        return "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"change\",\"origin\":{\"server\":\"garbage\","
                + "\"context\":\"/junk\",\"version\":\"\",\"instance\":\"" + UUID.randomUUID() + "\"},"
                + "\"seq\":" + sequence + ",\"time\":\"2026-11-21T20:45:26.672Z\","
                + "\"change\":{\"dataSource\":\"shop\",\"table\":\"items\",\"action\":\"update\"," + keys + "}}";
    }

    /** 100,000 one-column keys in well under 1 MiB: too many keys, not too many bytes. */
    private static String hundredThousandKeys() {
        return IntStream.range(0, 100_000)
                .mapToObj(i -> "{\"k\":" + (i % 10) + "}")
                .collect(Collectors.joining(",", "\"keys\":[", "]"));
    }

    private static byte[] tenMegabytes() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] start = utf8("{\"v\":1,\"padding\":\"");
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Long> rejectedInJmx(String serverId) throws Exception {
        TabularData rows = (TabularData) ManagementFactory.getPlatformMBeanServer()
                .getAttribute(BroadcasterJmx.objectName(serverId), "Rejected");
        return rows.values().stream()
                .map(CompositeData.class::cast)
                .collect(Collectors.toMap(row -> (String) row.get("key"), row -> (Long) row.get("value")));
    }
}
