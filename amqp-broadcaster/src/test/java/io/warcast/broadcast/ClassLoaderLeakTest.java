package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warcast.api.AppMessageListener;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.DataNotifyService;
import io.warcast.api.spi.ParticipantSpec;
import io.warcast.api.spi.Participation;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Once an application has left, nothing in the provider keeps its class loader alive. */
class ClassLoaderLeakTest {

    @TempDir
    Path conf;

    @Test
    void aClosedApplicationsClassLoaderCanBeCollected() throws Exception {
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.deliverythreads=2")) {
            DataNotifyService sender = broadcaster.join("/other", "").service();

            WeakReference<ClassLoader> appLoader = joinHearAndClose(broadcaster, sender);
            sender.notifyDataChange(change("shop", 2));

            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .alias("the application's class loader is collected")
                    .until(() -> {
                        System.gc();
                        return appLoader.get() == null;
                    });
        }
    }

    /** Kept apart so that nothing on the test's stack refers to the application once it returns. */
    private static WeakReference<ClassLoader> joinHearAndClose(LocalBroadcaster broadcaster, DataNotifyService sender)
            throws Exception {
        URL testClasses =
                CollectableListener.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new ListenerLoader(testClasses)) {
            Object listener = loader.loadClass(CollectableListener.class.getName())
                    .getConstructor()
                    .newInstance();
            assertThat(listener.getClass().getClassLoader()).isSameAs(loader);
            Participation app = broadcaster.provider.join(new ParticipantSpec("/shop", "001", loader, Map.of()));
            app.service().registerDataNotifyListener((DataNotifyListener) listener);
            AppMessageListener messages = message -> loader.getName();
            app.service().registerMessageListener("prices", messages);

            sender.notifyDataChange(change("shop", 1));
            sender.sendMessage("prices", "1");
            await().atMost(Duration.ofSeconds(10)).until(() -> ((IntSupplier) listener).getAsInt() == 1);

            app.stopDelivery();
            app.close();
            return new WeakReference<>(loader);
        }
    }

    /** Defines {@link CollectableListener} itself, as a web application's class loader would. */
    private static final class ListenerLoader extends URLClassLoader {

        ListenerLoader(URL classes) {
            super("test-webapp", new URL[] {classes}, ListenerLoader.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(CollectableListener.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}
