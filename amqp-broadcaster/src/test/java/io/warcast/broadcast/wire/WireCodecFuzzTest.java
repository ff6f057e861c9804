package io.warcast.broadcast.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mangled bodies: whatever arrives, decode answers Accepted or Rejected and never throws. */
class WireCodecFuzzTest {

    private static final byte[] INTERESTING =
            "{}[]\",:0-.eE\\ \u00e9truefalsenull1v".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final WireCodec codec = new WireCodec(WireLimits.DEFAULT);

    @Test
    void twentyThousandMutationsOfValidBodiesAreAllAnswered() {
        List<byte[]> valid =
                SampleEnvelopes.everyKind().stream().map(codec::encode).toList();
        Random random = new Random(20_261_121L);
        Map<Decoded.RejectReason, Integer> rejected = new EnumMap<>(Decoded.RejectReason.class);
        int accepted = 0;

        for (int i = 0; i < 20_000; i++) {
            byte[] body = mutate(valid.get(random.nextInt(valid.size())), random);
            Decoded decoded = codec.decode(body);
            assertThat(decoded).as("decoding mutation %d", i).isNotNull();
            if (decoded instanceof Decoded.Rejected rejection) {
                assertThat(rejection.detail()).hasSizeLessThanOrEqualTo(200).doesNotContain("\n");
                rejected.merge(rejection.reason(), 1, Integer::sum);
            } else {
                accepted++;
            }
        }

        // The mutations really exercised the reader: most bodies broken, some surviving, several reasons met.
        assertThat(accepted).isBetween(1, 10_000);
        assertThat(rejected).containsKeys(Decoded.RejectReason.MALFORMED, Decoded.RejectReason.WRONG_TYPE);
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] body = valid.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && body.length > 0; m++) {
            int at = random.nextInt(body.length);
            switch (random.nextInt(4)) {
                case 0 -> body[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> body = java.util.Arrays.copyOf(body, at);
                case 2 -> body = insert(body, at, INTERESTING[random.nextInt(INTERESTING.length)]);
                default -> body[at] = INTERESTING[random.nextInt(INTERESTING.length)];
            }
        }
        return body;
    }

    private static byte[] insert(byte[] body, int at, byte value) {
        byte[] longer = new byte[body.length + 1];
        System.arraycopy(body, 0, longer, 0, at);
        longer[at] = value;
        System.arraycopy(body, at, longer, at + 1, body.length - at);
        return longer;
    }
}
