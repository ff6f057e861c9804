package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.ChangeAction;
import io.warcast.api.DataChange;
import io.warcast.api.Origin;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.LogCapture;
import io.warcast.broadcast.delivery.MailboxFactory;
import io.warcast.broadcast.fanout.LocalFanOut;
import io.warcast.broadcast.wire.Decoded.RejectReason;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.Payload;
import io.warcast.broadcast.wire.WireCodec;
import io.warcast.broadcast.wire.WireLimits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * During a rolling upgrade a newer sender sends kinds this build does not know: each such message is counted, but
 * logged once per sender and kind, not once per message.
 */
class UnknownKindLogTest {

    private static final String EXCHANGE = "shop";
    private static final String SKIPPED = "Warcast skipped a message";

    private final BroadcasterMetrics metrics = new BroadcasterMetrics();
    private final InboundHandler handler = new InboundHandler(
            "node-here",
            new WireCodec(WireLimits.DEFAULT),
            new LocalFanOut(new MailboxFactory(Runnable::run, 10, metrics), metrics),
            metrics);

    @Test
    void aNewerKindIsCountedEachTimeAndLoggedOncePerSenderAndKind() {
        Sender shopOnB = new Sender(
                new Origin("node-b", "/shop", "002", UUID.randomUUID().toString()));
        Sender shopOnC = new Sender(
                new Origin("node-c", "/shop", "002", UUID.randomUUID().toString()));
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 5; i++) {
                handler.handle(EXCHANGE, shopOnB.next("presence"));
            }
            assertThat(log.linesWith(SKIPPED))
                    .as("five messages of kind presence from node-b/shop##002")
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains(
                                    "WARN",
                                    "on exchange [shop] from [node-b/shop##002]: kind [presence] is not one of change,"
                                            + " flush, message (UNKNOWN_KIND); further messages of this kind from this"
                                            + " sender are counted, not logged"));

            handler.handle(EXCHANGE, shopOnB.next("status"));
            handler.handle(EXCHANGE, shopOnB.next("status"));
            assertThat(log.linesWith(SKIPPED, "kind [status]", "[node-b/shop##002]"))
                    .as("another kind from the same sender")
                    .hasSize(1);

            handler.handle(EXCHANGE, shopOnC.next("presence"));
            handler.handle(EXCHANGE, shopOnC.next("presence"));
            assertThat(log.linesWith(SKIPPED, "kind [presence]", "[node-c/shop##002]"))
                    .as("the same kind from another sender")
                    .hasSize(1);

            Sender restarted = new Sender(
                    new Origin("node-b", "/shop", "002", UUID.randomUUID().toString()));
            handler.handle(EXCHANGE, restarted.next("presence"));
            assertThat(log.linesWith(SKIPPED))
                    .as("three lines in all: the same application restarted is the same sender")
                    .hasSize(3);
        }
        assertThat(metrics.rejected().get(RejectReason.UNKNOWN_KIND))
                .as("every message of an unknown kind is counted")
                .isEqualTo(10L);
        assertThat(metrics.get(BroadcasterCounter.GAPS))
                .as("each took a number in its sender's sequence, none missed")
                .isZero();
    }

    @Test
    void anUnknownKindFromAnUnreadableSenderIsLoggedEachTime() {
        byte[] noOrigin = ("{\"v\":1,\"id\":\"m-1\",\"kind\":\"presence\",\"seq\":1,\"presence\":{}}")
                .getBytes(StandardCharsets.UTF_8);
        try (LogCapture log = LogCapture.start()) {
            handler.handle(EXCHANGE, noOrigin);
            handler.handle(EXCHANGE, noOrigin);
            assertThat(log.linesWith(SKIPPED, "kind [presence]", "(UNKNOWN_KIND)"))
                    .as("without a sender there is nobody to log it once for")
                    .hasSize(2);
        }
        assertThat(metrics.rejected().get(RejectReason.UNKNOWN_KIND)).isEqualTo(2L);
    }

    /** One sender's messages, numbered 1, 2, 3… whatever their kind. */
    private static final class Sender {

        private final WireCodec codec = new WireCodec(WireLimits.DEFAULT);
        private final Origin origin;
        private long sequence;

        Sender(Origin origin) {
            this.origin = origin;
        }

        /** A message of a kind only a newer sender knows: a change, renamed. */
        byte[] next(String kind) {
            DataChange change = DataChange.builder("shop", "items", ChangeAction.UPDATE)
                    .key("id", 1L)
                    .build();
            String json = new String(
                    codec.encode(new Envelope(
                            UUID.randomUUID().toString(),
                            origin,
                            ++sequence,
                            Instant.now(),
                            new Payload.Change(change))),
                    StandardCharsets.UTF_8);
            return json.replace("\"kind\":\"change\"", "\"kind\":\"" + kind + "\"")
                    .replace("\"change\":{", "\"" + kind + "\":{")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
