package io.warcast.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away certificate authority and a server certificate it signed, made with openssl and keytool, for TLS
 * tests on loopback: the server certificate names only {@code localhost} (no IP address), so connecting to
 * {@code 127.0.0.1} fails host name verification while the chain is trusted.
 *
 * @param directory where the files are
 * @param serverPem the server certificate, its CA and its private key in one PEM file, as HAProxy wants it
 * @param trustStore a PKCS12 trust store holding the CA certificate
 * @param otherTrustStore a PKCS12 trust store holding an unrelated CA: the server is untrusted with it
 * @param trustStorePassword the password of both trust stores
 */
public record TestCertificates(
        Path directory, Path serverPem, Path trustStore, Path otherTrustStore, String trustStorePassword) {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "changeit";

    /** Makes everything in {@code directory}, replacing what was there. */
    public static TestCertificates create(Path directory) {
        Files2.deleteTree(directory);
        Files2.write(directory.resolve("server.ext"), "subjectAltName=DNS:localhost\n");
        selfSignedCa(directory, "Warcast Test CA", "ca");
        selfSignedCa(directory, "Unrelated Test CA", "other-ca");
        openssl(
                directory,
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-keyout",
                "server.key",
                "-out",
                "server.csr");
        openssl(
                directory,
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                "server.ext",
                "-out",
                "server.crt");
        Files2.write(
                directory.resolve("server.pem"),
                Files2.read(directory.resolve("server.crt"))
                        + Files2.read(directory.resolve("ca.crt"))
                        + Files2.read(directory.resolve("server.key")));
        trustStore(directory, "ca.crt", "truststore.p12");
        trustStore(directory, "other-ca.crt", "other-truststore.p12");
        return new TestCertificates(
                directory,
                directory.resolve("server.pem"),
                directory.resolve("truststore.p12"),
                directory.resolve("other-truststore.p12"),
                PASSWORD);
    }

    private static void selfSignedCa(Path directory, String commonName, String name) {
        openssl(
                directory,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=" + commonName,
                "-keyout",
                name + ".key",
                "-out",
                name + ".crt");
    }

    private static void trustStore(Path directory, String certificate, String store) {
        Commands.run(
                directory,
                LIMIT,
                List.of(
                        "keytool",
                        "-importcert",
                        "-noprompt",
                        "-alias",
                        "ca",
                        "-file",
                        certificate,
                        "-keystore",
                        store,
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        PASSWORD));
    }

    private static void openssl(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Commands.run(directory, LIMIT, command);
    }
}
