package io.warcast.broadcast.amqp;

import io.warcast.api.Origin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds this build does not know that each sender has sent: during a rolling upgrade a newer sender may send many
 * messages of a new kind, and each is counted, but logged only the first time per sender and kind. A sender is a
 * server and application ({@code node-b/shop##002}), whatever its instance, so a restarted sender is not news
 * again. Remembers at most {@link #MAX} pairs, forgetting the oldest first. Called from one consumer thread at a time.
 */
final class UnknownKinds {

    static final int MAX = 1_000;
    // Origins come from other senders' messages: a name this long is cut, so that the pairs stay small.
    private static final int MAX_SENDER_LENGTH = 200;

    private final Map<Pair, Boolean> seen = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pair, Boolean> eldest) {
            return size() > MAX;
        }
    };

    /** True the first time {@code sender} sends {@code kind}. */
    boolean firstFrom(Origin sender, String kind) {
        String name = sender.toString();
        name = name.length() > MAX_SENDER_LENGTH ? name.substring(0, MAX_SENDER_LENGTH) : name;
        return seen.put(new Pair(name, kind), Boolean.TRUE) == null;
    }

    private record Pair(String sender, String kind) {}
}
