package io.warcast.broadcast.amqp;

import io.warcast.broadcast.settings.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context of the link. Certificates are always checked: against the configured trust store, or the
 * JVM's default one; there is no trust-all path.
 */
final class TlsContexts {

    private TlsContexts() {}

    /** @throws IllegalArgumentException naming the setting when a store cannot be read */
    static SSLContext create(TlsSettings tls) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(
                    tls.trustStore().isPresent() ? load(tls.trustStore().get(), "amqpbroadcast.ssl.truststore") : null);
            KeyManager[] keys = null;
            if (tls.keyStore().isPresent()) {
                TlsSettings.StoreFile store = tls.keyStore().get();
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(
                        load(store, "amqpbroadcast.ssl.keystore"),
                        store.password().toCharArray());
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Warcast cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(TlsSettings.StoreFile store, String key) {
        try (InputStream in = Files.newInputStream(store.path())) {
            KeyStore keyStore = KeyStore.getInstance(store.type());
            keyStore.load(
                    in, store.password().isEmpty() ? null : store.password().toCharArray());
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(key + "=[" + store.path() + "]: cannot be read as a " + store.type()
                    + " key store (" + e.getMessage() + "); expected a " + store.type()
                    + " file and its password in " + key + "password");
        }
    }
}
