package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.LocalBroadcaster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterStatus;
import io.warcast.api.spi.Participation;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees in JMX, and what the admin page gets as BroadcasterStatus, are the same live counters. */
class BroadcasterJmxTest {

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path conf;

    @Test
    void theBroadcasterIsInJmxWithLiveCountersWhileItRunsAndGoneAfterStop() throws Exception {
        ObjectName name = new ObjectName("io.warcast:type=Broadcaster,server=jmx-node");
        LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.serverid=jmx-node");
        try {
            Participation sender = broadcaster.join("/shop", "001");
            Participation receiver = broadcaster.join("/shop", "002");
            RecordingListener heard = new RecordingListener();
            receiver.service().registerDataNotifyListener(heard);

            for (int id = 1; id <= 3; id++) {
                sender.service().notifyDataChange(change("catalog", id));
            }
            eventually().until(() -> heard.changes.size() == 3);
            eventually()
                    .alias("a listener call is counted once it returned")
                    .until(() -> jmx.getAttribute(name, "Delivered").equals(3L));

            assertThat(jmx.getAttribute(name, "State")).isEqualTo("LOCAL_ONLY");
            assertThat(jmx.getAttribute(name, "Published"))
                    .as("changes published by this server's apps")
                    .isEqualTo(3L);
            assertThat(jmx.getAttribute(name, "ConnectedTo")).isEqualTo("");
            BroadcasterStatus status = broadcaster.provider.status();
            assertThat(status.state()).isEqualTo(BroadcasterStatus.State.LOCAL_ONLY);
            assertThat(status.published()).isEqualTo(3);
            assertThat(status.delivered()).isEqualTo(3);
        } finally {
            broadcaster.close();
        }
        assertThat(jmx.isRegistered(name))
                .as("unregistered when the provider stops")
                .isFalse();
    }
}
