package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.Origin;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.delivery.MailboxFactory;
import io.warcast.broadcast.delivery.ParticipantContext;
import io.warcast.broadcast.fanout.LocalFanOut;
import io.warcast.broadcast.wire.Decoded.RejectReason;
import io.warcast.broadcast.wire.WireCodec;
import io.warcast.broadcast.wire.WireLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds the bodies of {@code docs/conformance} to a receiver, as the manifest {@code cases.tsv} says, and checks that
 * each has the outcome the manifest gives: the cases a receiver in another language runs too (wire-format.md §5).
 */
class ConformanceCorpusTest {

    static final Path CORPUS =
            Path.of(System.getProperty("warcast.projectRoot", "..")).resolve("docs/conformance");
    private static final String EXCHANGE = "warcast";

    /** One line of the manifest. */
    record Case(String sequence, String file, String expect, String description) {}

    static Stream<Arguments> receivers() {
        Map<String, List<Case>> receivers = new LinkedHashMap<>();
        for (Case c : manifest()) {
            receivers
                    .computeIfAbsent(c.sequence().equals("-") ? c.file() : c.sequence(), name -> new ArrayList<>())
                    .add(c);
        }
        return receivers.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receivers")
    void eachBodyHasTheOutcomeTheManifestGives(String receiverName, List<Case> cases) throws IOException {
        Receiver receiver = new Receiver();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            String outcome = receiver.outcome(Files.readAllBytes(CORPUS.resolve(c.file())));
            if (!outcome.equals(c.expect())) {
                wrong.add(c.file() + " (" + c.description() + "): expected " + c.expect() + ", got " + outcome);
            }
        }
        assertThat(wrong).as("bodies whose outcome is not the manifest's").isEmpty();
    }

    @Test
    void theManifestListsEveryFileAndEveryOutcomeAndTheLimitsItAssumes() throws IOException {
        Set<String> listed = manifest().stream().map(Case::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(CORPUS)) {
            assertThat(files.filter(file -> file.toString().endsWith(".json"))
                            .map(file -> CORPUS.relativize(file).toString().replace('\\', '/')))
                    .as("the bodies in docs/conformance, each listed once in cases.tsv")
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
        assertThat(manifest().stream().map(Case::expect).collect(Collectors.toSet()))
                .as("the outcomes the corpus shows")
                .containsAll(List.of("delivered", "duplicate", "gap+delivered"))
                .containsAll(
                        Arrays.stream(RejectReason.values()).map(Enum::name).toList());
        assertThat(Files.readString(CORPUS.resolve("cases.tsv")))
                .as("the limits the corpus is written for are Warcast's defaults")
                .contains("maxmessagesize " + WireLimits.DEFAULT.maxMessageBytes() + " bytes, "
                        + WireLimits.DEFAULT.maxKeys() + " keys, " + WireLimits.DEFAULT.maxColumns() + " columns");
    }

    private static List<Case> manifest() {
        try {
            return Files.readAllLines(CORPUS.resolve("cases.tsv"), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("sequence\t") && !line.isBlank())
                    .map(line -> {
                        String[] columns = line.split("\t", -1);
                        assertThat(columns).as("a line of cases.tsv: %s", line).hasSize(4);
                        return new Case(columns[0], columns[1], columns[2], columns[3]);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server with one application on the exchange: what reaches it, judged by what its counters say. */
    private static final class Receiver {

        private final BroadcasterMetrics metrics = new BroadcasterMetrics();
        private final InboundHandler handler;

        Receiver() {
            LocalFanOut fanOut = new LocalFanOut(new MailboxFactory(Runnable::run, 100, metrics), metrics);
            fanOut.join(
                    new Origin("node-here", "/shop", "", "33333333-3333-4333-8333-333333333333"),
                    EXCHANGE,
                    new ParticipantContext("/shop", ConformanceCorpusTest.class.getClassLoader()));
            handler = new InboundHandler("node-here", new WireCodec(WireLimits.DEFAULT), fanOut, metrics);
        }

        /** {@code delivered}, {@code duplicate} or a reason, after {@code gap+} when listeners were told to flush. */
        String outcome(byte[] body) {
            long received = metrics.get(BroadcasterCounter.RECEIVED);
            long duplicates = metrics.get(BroadcasterCounter.DUPLICATES_SUPPRESSED);
            long gaps = metrics.get(BroadcasterCounter.GAPS);
            Map<RejectReason, Long> rejected = Map.copyOf(metrics.rejected());
            handler.handle(EXCHANGE, body);
            List<String> outcomes = new ArrayList<>();
            if (metrics.get(BroadcasterCounter.GAPS) > gaps) {
                outcomes.add("gap");
            }
            if (metrics.get(BroadcasterCounter.RECEIVED) > received) {
                outcomes.add("delivered");
            }
            if (metrics.get(BroadcasterCounter.DUPLICATES_SUPPRESSED) > duplicates) {
                outcomes.add("duplicate");
            }
            metrics.rejected().forEach((reason, count) -> {
                if (count > rejected.getOrDefault(reason, 0L)) {
                    outcomes.add(reason.name());
                }
            });
            return outcomes.isEmpty() ? "nothing" : String.join("+", outcomes);
        }
    }
}
