package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.warcast.harness.SampleClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator has {@code ROOT##001} running with users on it and deploys {@code ROOT##002} beside it. Old users
 * stay on 001 through their sessions, new ones land on 002, and both versions must keep their caches right: what
 * one changes, the other hears, with no broker configured.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ParallelVersionsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private static final SampleVersions versions = new SampleVersions();
    private static SampleClient userOn001;
    private static SampleClient userOn002;

    @BeforeAll
    static void deployTwoVersions() {
        versions.undeployAll();
        userOn001 = versions.deploy("001");
        userOn002 = versions.deploy("002");
        assertThat(userOn001.version())
                .as("a user with a session in 001 must stay on 001 after 002 is deployed")
                .isEqualTo("001");
    }

    @AfterAll
    static void undeploy() {
        versions.undeployAll();
    }

    @Test
    void aChangePutTo002IsHeardBy001AndNotBy002Itself() {
        JsonNode info002 = userOn002.info();

        userOn002.putItem(7, "parallel kettle", 12);

        JsonNode heardBy001 = await("001 hears the change made in 002")
                .atMost(DELIVERY)
                .until(() -> changeOfItem(userOn001.heard(), 7), found -> found != null);
        assertThat(heardBy001.path("version").asText()).isEqualTo("002");
        assertThat(heardBy001.path("server").asText())
                .isEqualTo(info002.path("server").asText());
        assertThat(heardBy001.path("action").asText()).isIn("INSERT", "UPDATE");
        assertThat(userOn001.item(7).path("name").asText())
                .as("001's cached copy of item 7 follows the change made in 002")
                .isEqualTo("parallel kettle");

        // A listener hears events in the order they were queued for it. A change 002 wrongly sent to itself
        // would have been queued before this marker, so once the marker is heard the check below is final.
        userOn001.putItem(8, "marker from 001", 1);
        await("002 hears the marker from 001")
                .atMost(DELIVERY)
                .until(() -> changeOfItem(userOn002.heard(), 8), found -> found != null);
        assertThat(userOn002.heard())
                .as("002 must never hear its own change back")
                .noneMatch(change -> change.path("version").asText().equals("002"));
    }

    @Test
    void thousandChangesFrom001Reach002InOrderAndOnce() {
        int count = 1_000;
        long firstId = 10_000;
        for (int i = 0; i < count; i++) {
            userOn001.putItem(firstId + i, "item " + i, i);
        }

        List<JsonNode> heard = await("002 hears all " + count + " changes from 001")
                .atMost(Duration.ofSeconds(60))
                .until(() -> changesOfItemsFrom(userOn002.heard(), firstId, count), list -> list.size() >= count);

        assertThat(heard).as("no change heard twice").hasSize(count);
        List<Long> ids = heard.stream()
                .map(change -> change.path("keys").path(0).path("id").asLong())
                .toList();
        List<Long> expected = java.util.stream.LongStream.range(firstId, firstId + count)
                .boxed()
                .toList();
        assertThat(ids).as("changes heard in the order 001 published them").isEqualTo(expected);
        List<Long> sequences =
                heard.stream().map(change -> change.path("sequence").asLong()).toList();
        assertThat(sequences).as("sender sequence numbers strictly increase").isSorted();
        assertThat(new HashSet<>(sequences)).hasSize(count);
        assertThat(Heard.messageIds(heard)).as("distinct message ids").hasSize(count);
        assertThat(userOn002.item(firstId + count - 1).path("stock").asInt()).isEqualTo(count - 1);
    }

    private static JsonNode changeOfItem(List<JsonNode> heard, long id) {
        return heard.stream()
                .filter(change -> change.path("keys").path(0).path("id").asLong() == id)
                .findFirst()
                .orElse(null);
    }

    private static List<JsonNode> changesOfItemsFrom(List<JsonNode> heard, long firstId, int count) {
        return heard.stream()
                .filter(change -> change.path("version").asText().equals("001"))
                .filter(change -> {
                    long id = change.path("keys").path(0).path("id").asLong();
                    return id >= firstId && id < firstId + count;
                })
                .toList();
    }
}
