package io.warcast.api;

import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Labels an HTTP session for the operator: a few short strings ({@code tenant=acme}, {@code client=sample-ui}) that
 * Warcast's session view shows beside the session of each application version, so that during an upgrade the
 * operator sees who is still on the old version.
 *
 * <pre>{@code
 * ClientInfo.attach(request.getSession(), "client", "sample-ui");
 * }</pre>
 *
 * <p>The labels live in the session attribute {@value #SESSION_ATTRIBUTE} as a {@code LinkedHashMap<String,
 * String>}: plain JDK types only, so the session still serializes (persistent sessions, replication) and the
 * container reads them without the application's classes. Each {@link #attach} replaces the attribute with a new
 * map, so replicating session managers see the change. Bounded so that a label can never bloat a session: at most
 * {@value #MAX_ENTRIES} keys of at most {@value #MAX_KEY_LENGTH} characters ({@code [A-Za-z0-9._-]}), values of at
 * most {@value #MAX_VALUE_LENGTH} characters. Never put secrets here: operators read it.
 */
public final class ClientInfo {

    /** The session attribute that holds the labels. */
    public static final String SESSION_ATTRIBUTE = ClientInfo.class.getName();

    /** The most keys one session carries. */
    public static final int MAX_ENTRIES = 16;

    /** The longest key, in characters. */
    public static final int MAX_KEY_LENGTH = 64;

    /** The longest value, in characters. */
    public static final int MAX_VALUE_LENGTH = 256;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_KEY_LENGTH + "}");

    private ClientInfo() {}

    /**
     * Sets one label of the session, replacing an earlier value of the same key; a {@code null} value removes it.
     *
     * @throws IllegalArgumentException naming the key when the key or value breaks the bounds above, or when the
     *     session already has {@value #MAX_ENTRIES} other keys
     * @throws IllegalStateException when the session was invalidated
     */
    public static void attach(HttpSession session, String key, String value) {
        if (session == null) {
            throw new IllegalArgumentException("session is null: pass request.getSession()");
        }
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("client info key [" + key + "] must be 1 to " + MAX_KEY_LENGTH
                    + " characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("client info [" + key + "] is " + value.length()
                    + " characters long, at most " + MAX_VALUE_LENGTH + " are kept");
        }
        synchronized (ClientInfo.class) {
            Map<String, String> labels = new LinkedHashMap<>(read(session));
            if (value == null) {
                labels.remove(key);
            } else {
                if (!labels.containsKey(key) && labels.size() >= MAX_ENTRIES) {
                    throw new IllegalArgumentException("client info [" + key + "] not attached: the session already"
                            + " has " + MAX_ENTRIES + " keys " + labels.keySet());
                }
                labels.put(key, value);
            }
            session.setAttribute(SESSION_ATTRIBUTE, labels);
        }
    }

    /**
     * The labels of a session, in the order they were first attached; empty when there are none.
     *
     * @throws IllegalStateException when the session was invalidated
     */
    public static Map<String, String> read(HttpSession session) {
        return fromAttribute(session.getAttribute(SESSION_ATTRIBUTE));
    }

    /**
     * The labels held by a value of the {@value #SESSION_ATTRIBUTE} attribute, for containers that read the
     * attribute themselves. Anything that is not a map of strings (an application wrote the attribute directly)
     * is skipped, never trusted: only string keys and values within the bounds are returned.
     */
    public static Map<String, String> fromAttribute(Object attribute) {
        if (!(attribute instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (labels.size() == MAX_ENTRIES) {
                break;
            }
            if (entry.getKey() instanceof String key
                    && KEY.matcher(key).matches()
                    && entry.getValue() instanceof String value
                    && value.length() <= MAX_VALUE_LENGTH) {
                labels.put(key, value);
            }
        }
        return Collections.unmodifiableMap(labels);
    }
}
