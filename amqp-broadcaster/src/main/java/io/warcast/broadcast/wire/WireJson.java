package io.warcast.broadcast.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The JSON factory and the time format of wire format v1, shared by {@link EnvelopeWriter} and the readers. */
final class WireJson {

    /**
     * The deepest nesting a body may have. v1 needs four levels (envelope, change, keys, one key); the rest is
     * room for fields a later version may add.
     */
    static final int MAX_NESTING_DEPTH = 32;

    /** The most digits a number may have; enough for any BigInteger or BigDecimal a database column holds. */
    static final int MAX_NUMBER_LENGTH = 400;

    /** The longest field name, in characters: a column name. */
    static final int MAX_NAME_LENGTH = 1_000;

    /**
     * {@code time}: UTC, always with milliseconds, so that every language's ISO-8601 parser reads it (Python's
     * {@code datetime.fromisoformat} refuses nine fraction digits).
     */
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireJson() {}

    /**
     * A factory whose parsers refuse, before any of our code sees them, documents longer than the message limit,
     * nesting deeper than {@link #MAX_NESTING_DEPTH}, overlong numbers and names, and duplicate field names (which
     * other JSON libraries would each resolve their own way).
     */
    static JsonFactory factory(WireLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxMessageBytes())
                .maxStringLength(limits.maxMessageBytes())
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build();
        return new JsonFactoryBuilder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // Names from other servers are untrusted: never String.intern() them.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
    }
}
