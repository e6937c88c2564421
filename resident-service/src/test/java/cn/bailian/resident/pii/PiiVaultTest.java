package cn.bailian.resident.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.resident.ResidentConfig;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

/** The vault on its own, with keys given directly: the service must not run on missing or weak keys. */
class PiiVaultTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    static PiiVault vault(String encryptionKey, String hashKey) {
        PiiVault vault = new PiiVault();
        vault.config = new ResidentConfig() {
            @Override
            public Pii pii() {
                return new Pii() {
                    @Override
                    public String encryptionKey() {
                        return encryptionKey;
                    }

                    @Override
                    public String hashKey() {
                        return hashKey;
                    }
                };
            }

            @Override
            public Participation participation() {
                return Map::of;
            }
        };
        vault.loadKeys();
        return vault;
    }

    @Test
    void roundTripWithARandomIvPerValue() {
        PiiVault vault = vault(KEY_A, KEY_B);
        String a = vault.encrypt("phone", "13812345678");
        String b = vault.encrypt("phone", "13812345678");
        assertThat(a).isNotEqualTo(b).doesNotContain("13812345678");
        assertThat(vault.decrypt("phone", a)).isEqualTo("13812345678");
        assertThat(vault.decrypt("phone", b)).isEqualTo("13812345678");
    }

    @Test
    void aCiphertextCannotBeMovedToAnotherField() {
        PiiVault vault = vault(KEY_A, KEY_B);
        String sealed = vault.encrypt("phone", "13812345678");
        assertThatThrownBy(() -> vault.decrypt("idNumber", sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("13812345678");
    }

    @Test
    void hashIsKeyedAndStable() {
        assertThat(vault(KEY_A, KEY_B).hash("idNumber", "11010519491231002X"))
                .isEqualTo(vault(KEY_A, KEY_B).hash("idNumber", "11010519491231002X"))
                .isNotEqualTo(vault(KEY_B, KEY_A).hash("idNumber", "11010519491231002X"))
                .isNotEqualTo(vault(KEY_A, KEY_B).hash("phone", "11010519491231002X"));
    }

    @Test
    void refusesMissingShortOrEqualKeys() {
        assertThatThrownBy(() -> vault("", KEY_B)).hasMessageContaining("encryption-key");
        assertThatThrownBy(() -> vault(KEY_A, Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("hash-key");
        assertThatThrownBy(() -> vault("not base64!", KEY_B)).hasMessageContaining("base64");
        assertThatThrownBy(() -> vault(KEY_A, KEY_A)).hasMessageContaining("differ");
    }
}
