package cn.bailian.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void chineseUnlessEnglishIsPreferred() {
        assertThat(Messages.resolve(null)).isEqualTo(Messages.CHINESE);
        assertThat(Messages.resolve("en")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.resolve("en-GB,en;q=0.8")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.resolve("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.resolve("fr-FR,en;q=0.5")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.resolve("de")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.resolve(";;;garbage")).isEqualTo(Messages.CHINESE);
    }

    @Test
    void kitCodesHaveBothLanguagesAndFillTheirArguments() {
        assertThat(Messages.title(ProblemCodes.NOT_FOUND, Messages.CHINESE)).isEqualTo("资源不存在");
        assertThat(Messages.title(ProblemCodes.NOT_FOUND, Messages.ENGLISH)).isEqualTo("Not found");
        assertThat(Messages.detail(ProblemCodes.PAYLOAD_TOO_LARGE, Messages.ENGLISH, 256))
                .contains("256 KiB");
        assertThat(Messages.title("NO_SUCH_CODE", Messages.ENGLISH)).isEqualTo("NO_SUCH_CODE");
    }
}
