package io.brook.connector.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A throwaway CA and a broker key pair signed by it, made at test time with plain JDK APIs: EC
 * P-256 keys, X.509 v3 certificates written as DER here and signed with {@code SHA256withECDSA},
 * valid from an hour ago for two days. (The JDK has no public API that signs a certificate, and
 * running {@code keytool} takes seconds per call on a busy machine; this takes milliseconds.)
 * The broker certificate names only {@code DNS:localhost}, so a client that reaches the broker
 * as {@code 127.0.0.1} and checks host names refuses it.
 *
 * @param caPem          the CA certificate as a PEM file
 * @param brokerKeystore a PKCS12 key store with the broker's key and its chain (broker, CA)
 * @param password       the key store's and the key's password
 */
record TestCertificates(Path caPem, Path brokerKeystore, String password) {
    private static final String PASSWORD = "brook-test-secret";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Writes {@code ca.pem} and {@code broker.p12} into {@code directory}. */
    static TestCertificates generate(Path directory) throws IOException, GeneralSecurityException {
        KeyPair ca = keyPair();
        KeyPair broker = keyPair();
        byte[] caName = name("Brook test CA");
        X509Certificate caCertificate = certificate(caName, caName, ca, ca.getPrivate(),
                extension("2.5.29.19", true, seq(bool(true))),             // basicConstraints: a CA
                extension("2.5.29.15", true, bitString(1, 0x06)));         // keyUsage: keyCertSign, cRLSign
        X509Certificate brokerCertificate = certificate(caName, name("localhost"), broker, ca.getPrivate(),
                extension("2.5.29.17", false, seq(tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)))),
                extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"))));
        Path caPem = directory.resolve("ca.pem");
        Files.writeString(caPem, pem(caCertificate), StandardCharsets.US_ASCII);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("broker", broker.getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {brokerCertificate, caCertificate});
        Path keystore = directory.resolve("broker.p12");
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return new TestCertificates(caPem, keystore, PASSWORD);
    }

    /** The CA certificate's PEM text, as {@code ssl_ca_pem} takes it. */
    String caPemText() throws IOException {
        return Files.readString(caPem, StandardCharsets.US_ASCII);
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(byte[] issuer, byte[] subject, KeyPair subjectKeys, PrivateKey signer,
                                               byte[]... extensions) throws GeneralSecurityException {
        Instant now = Instant.now();
        byte[] algorithm = seq(oid(ECDSA_WITH_SHA256));
        byte[] tbs = seq(
                tlv(0xA0, integer(BigInteger.TWO)),                          // version v3
                integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                algorithm,
                issuer,
                seq(time(now.minus(Duration.ofHours(1))), time(now.plus(Duration.ofDays(2)))),
                subject,
                subjectKeys.getPublic().getEncoded(),                        // SubjectPublicKeyInfo
                tlv(0xA3, seq(extensions)));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(signer);
        signature.update(tbs);
        byte[] der = seq(tbs, algorithm, bitString(0, signature.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    // ---- DER, just what the two certificates need ----

    /** A Name with one common name. */
    private static byte[] name(String commonName) {
        return seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] extension(String id, boolean critical, byte[] value) {
        return critical ? seq(oid(id), bool(true), tlv(0x04, value)) : seq(oid(id), tlv(0x04, value));
    }

    private static byte[] time(Instant instant) {
        return tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0)});
    }

    private static byte[] bitString(int unusedBits, int... bytes) {
        byte[] content = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            content[i] = (byte) bytes[i];
        }
        return bitString(unusedBits, content);
    }

    private static byte[] bitString(int unusedBits, byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        content[0] = (byte) unusedBits;
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tlv(0x03, content);
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            for (int bits = (63 - Long.numberOfLeadingZeros(arc | 1)) / 7 * 7; bits > 0; bits -= 7) {
                out.write((int) ((arc >>> bits) & 0x7F) | 0x80);
            }
            out.write((int) (arc & 0x7F));
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, parts);
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.size();
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xFF);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
