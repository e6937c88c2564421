package cn.bailian.fund.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransparencyCsvTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(TransparencyCsv.cell("白莲社区")).isEqualTo("白莲社区");
        assertThat(TransparencyCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(TransparencyCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(TransparencyCsv.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(TransparencyCsv.cell("+86")).isEqualTo("'+86");
        assertThat(TransparencyCsv.cell("-5000")).isEqualTo("-5000");
        assertThat(TransparencyCsv.cell(null)).isEmpty();
    }
}
