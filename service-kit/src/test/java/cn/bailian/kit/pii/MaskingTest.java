package cn.bailian.kit.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void namesKeepOnlyTheFamilyName() {
        assertThat(Masking.name("胡小明")).isEqualTo("胡*");
        assertThat(Masking.name(" 欧阳娜娜 ")).isEqualTo("欧*");
        assertThat(Masking.name("𠮷野家")).isEqualTo("𠮷*"); // a character outside the BMP stays whole
        assertThat(Masking.name("")).isEqualTo("*");
        assertThat(Masking.name(null)).isEqualTo("*");
    }

    @Test
    void phonesShowThreeAndFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("123")).isEqualTo("***");
    }

    @Test
    void idNumbersShowFourAndFour() {
        assertThat(Masking.idNumber("51010819900307123X")).isEqualTo("5101**********123X");
    }
}
