package bench;

import cn.bailian.testkit.DevTokens;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Item 5. {@code ciphers}: 1,000 phone numbers sealed the way resident-service seals them (AES-256-GCM with the
 * field name as associated data, keyed HMAC-SHA256), with the dev profile's keys, into bench.phone for the bulk
 * SQL to share out, so every loaded resident can be listed and decrypted. {@code measure LABEL}: sequential GETs of
 * the four reads on the first bulk community and its fund (WARMUP unmeasured, then SAMPLES); p50/p95/p99 into the
 * results.
 */
final class Scale {

    /**
     * The services are long-running: what counts is their steady state, not a path the JIT has not compiled yet. After
     * 20 warm-up requests much of each read's path was still interpreted (a method is compiled after some hundreds
     * to thousands of calls); 300 compile it. 4 reads x 600 requests at a few ms each is about 10-15 s per size.
     */
    static final int WARMUP = 300;
    static final int SAMPLES = 300;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周";

    private Scale() {
    }

    static void ciphers(Path residentProperties) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(residentProperties)) {
            p.load(in);
        }
        SecretKeySpec aes = new SecretKeySpec(Base64.getDecoder().decode(p.getProperty("%dev.resident.pii.encryption-key")), "AES");
        SecretKeySpec hmac = new SecretKeySpec(Base64.getDecoder().decode(p.getProperty("%dev.resident.pii.hash-key")), "HmacSHA256");
        SecureRandom random = new SecureRandom();
        try (Connection c = Env.db("resident")) {
            try (Statement s = c.createStatement()) {
                s.execute("create schema if not exists bench");
                s.execute("drop table if exists bench.phone");
                s.execute("create table bench.phone (n int primary key, cipher text not null, hash text not null, last4 char(4) not null)");
            }
            try (PreparedStatement s = c.prepareStatement("insert into bench.phone values (?, ?, ?, ?)")) {
                for (int n = 0; n < 1000; n++) {
                    String phone = String.format("139%08d", n * 7919 % 100_000_000);
                    byte[] iv = new byte[12];
                    random.nextBytes(iv);
                    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
                    cipher.updateAAD("phone".getBytes(StandardCharsets.UTF_8));
                    byte[] sealed = cipher.doFinal(phone.getBytes(StandardCharsets.UTF_8));
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(hmac);
                    mac.update("phone:".getBytes(StandardCharsets.UTF_8));
                    s.setInt(1, n);
                    s.setString(2, Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array()));
                    s.setString(3, HexFormat.of().formatHex(mac.doFinal(phone.getBytes(StandardCharsets.UTF_8))));
                    s.setString(4, phone.substring(7));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    static void measure(String label) throws Exception {
        UUID community;
        UUID fund;
        long ledgerEntries;
        try (Connection c = Env.db("resident"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from bench.scale_community where n = 0")) {
            rs.next();
            community = rs.getObject(1, UUID.class);
        }
        try (Connection c = Env.db("fund"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select f.id, f.ledger_seq from bench.scale_fund b join fund f on f.id = b.id where b.n = 0")) {
            rs.next();
            fund = rs.getObject(1, UUID.class);
            ledgerEntries = rs.getLong(2);
        }
        String staff = DevTokens.staff(community);
        long pages = Math.max(1, (ledgerEntries + 19) / 20);
        String[] months = {"2025-03", "2025-09", "2026-01", "2026-06"};
        sample(label, "SEARCH", i -> Env.RESIDENT + "/api/v1/residents?communityId=" + community + "&q="
                + java.net.URLEncoder.encode(String.valueOf(SURNAMES.charAt(i % SURNAMES.length())), StandardCharsets.UTF_8) + "&size=20", staff);
        sample(label, "STATS", i -> Env.RESIDENT + "/api/v1/communities/" + community + "/stats", staff);
        sample(label, "LEDGER", i -> Env.FUND + "/api/v1/funds/" + fund + "/ledger?size=20&page=" + (i * 7919L % pages), null);
        sample(label, "REPORT", i -> Env.FUND + "/api/v1/funds/" + fund + "/transparency?month=" + months[i % months.length], null);
    }

    interface Url {
        String of(int i);
    }

    private static void sample(String label, String what, Url url, String token) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            Http.Answer a = Http.get(url.of(i), token);
            if (a.status() != 200) {
                throw new IllegalStateException(what + " at " + label + ": HTTP " + a.status() + " " + a.raw());
            }
            if (i >= WARMUP) {
                nanos.add(a.nanos());
            }
        }
        double[] sorted = Stats.sorted(nanos);
        String key = "SCALE_" + label + "_" + what;
        Results.put(key + "_P50_MS", Stats.ms(Stats.percentile(sorted, 50)));
        Results.put(key + "_P95_MS", Stats.ms(Stats.percentile(sorted, 95)));
        Results.put(key + "_P99_MS", Stats.ms(Stats.percentile(sorted, 99)));
    }
}
