package io.warcast.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientInfoTest {

    private final Map<String, Object> attributes = new HashMap<>();
    private final HttpSession session = (HttpSession) Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "removeAttribute" -> attributes.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void attachesLabelsInOrderUnderTheDocumentedAttributeAsAPlainSerializableMap() throws IOException {
        ClientInfo.attach(session, "tenant", "acme");
        ClientInfo.attach(session, "client", "sample-ui");
        ClientInfo.attach(session, "tenant", "globex");

        assertThat(ClientInfo.read(session))
                .containsExactly(Map.entry("tenant", "globex"), Map.entry("client", "sample-ui"));
        Object stored = attributes.get("io.warcast.api.ClientInfo");
        assertThat(stored).isInstanceOf(java.util.LinkedHashMap.class);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(stored); // a session holding it still persists and replicates
        }
    }

    @Test
    void eachAttachReplacesTheAttributeSoReplicatingManagersSeeTheChange() {
        ClientInfo.attach(session, "tenant", "acme");
        Object first = attributes.get(ClientInfo.SESSION_ATTRIBUTE);

        ClientInfo.attach(session, "client", "cli");

        assertThat(attributes.get(ClientInfo.SESSION_ATTRIBUTE)).isNotSameAs(first);
        assertThat(first).as("the earlier map is left as it was").isEqualTo(Map.of("tenant", "acme"));
    }

    @Test
    void aNullValueRemovesTheKey() {
        ClientInfo.attach(session, "tenant", "acme");
        ClientInfo.attach(session, "tenant", null);

        assertThat(ClientInfo.read(session)).isEmpty();
    }

    @Test
    void refusesKeysAndValuesOutsideTheBoundsNamingThem() {
        assertThatThrownBy(() -> ClientInfo.attach(session, "ten ant", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[ten ant]");
        assertThatThrownBy(() -> ClientInfo.attach(session, "k".repeat(65), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientInfo.attach(session, "note", "v".repeat(257)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[note] is 257 characters long, at most 256");
        assertThatThrownBy(() -> ClientInfo.attach(null, "tenant", "acme"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(attributes).isEmpty();
    }

    @Test
    void keepsAtMostSixteenKeysButAKnownKeyMayStillChange() {
        for (int i = 0; i < ClientInfo.MAX_ENTRIES; i++) {
            ClientInfo.attach(session, "k" + i, "v");
        }

        assertThatThrownBy(() -> ClientInfo.attach(session, "one-too-many", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[one-too-many]")
                .hasMessageContaining("16 keys");
        ClientInfo.attach(session, "k3", "changed");
        assertThat(ClientInfo.read(session)).hasSize(16).containsEntry("k3", "changed");
    }

    @Test
    void readsOnlyStringsWithinTheBoundsFromAnAttributeTheAppWroteItself() {
        Map<Object, Object> written = new java.util.LinkedHashMap<>();
        written.put("tenant", "acme");
        written.put("count", 3);
        written.put(7, "seven");
        written.put("bad key", "x");
        written.put("long", "v".repeat(300));

        assertThat(ClientInfo.fromAttribute(written)).containsExactly(Map.entry("tenant", "acme"));
        assertThat(ClientInfo.fromAttribute("not a map")).isEmpty();
        assertThat(ClientInfo.fromAttribute(null)).isEmpty();
    }
}
