package io.warcast.broadcast.settings;

import static io.warcast.broadcast.settings.Setting.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Optional;

/**
 * How the connection to the broker is encrypted. Certificates are always checked: without a trust store the JVM's
 * default one is used, never a trust-all manager.
 *
 * @param trustStore the key store of trusted certificates; empty for the JVM's default trust store
 * @param keyStore the key store with this server's client certificate, when the broker asks for one
 * @param verifyHostname whether the broker's certificate must name the host connected to
 */
public record TlsSettings(Optional<StoreFile> trustStore, Optional<StoreFile> keyStore, boolean verifyHostname) {

    /**
     * A key store file.
     *
     * @param path the file
     * @param password its password, empty for none
     * @param type its {@link KeyStore} type, such as {@code PKCS12} or {@code JKS}
     */
    public record StoreFile(Path path, String password, String type) {
        @Override
        public String toString() {
            return path + " (" + type + ")";
        }
    }

    static TlsSettings parse(SettingValues values) {
        return new TlsSettings(
                store(values, SSL_TRUSTSTORE, SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE),
                store(values, SSL_KEYSTORE, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE),
                values.flag(SSL_VERIFY_HOSTNAME));
    }

    private static Optional<StoreFile> store(
            SettingValues values, Setting pathKey, Setting passwordKey, Setting typeKey) {
        Optional<String> path = values.optionalText(pathKey);
        if (path.isEmpty()) {
            for (Setting key : new Setting[] {passwordKey, typeKey}) {
                if (values.isSet(key)) {
                    throw new IllegalArgumentException(
                            key + ": takes effect only with " + pathKey + "; set " + pathKey + " or remove " + key);
                }
            }
            return Optional.empty();
        }
        Path file = Path.of(path.get());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw SettingValues.refused(pathKey, path.get());
        }
        String type = values.text(typeKey, KeyStore.getDefaultType());
        try {
            KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw SettingValues.refused(typeKey, type);
        }
        return Optional.of(new StoreFile(file, values.text(passwordKey, ""), type));
    }
}
