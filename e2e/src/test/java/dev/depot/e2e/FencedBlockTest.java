package dev.depot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FencedBlockTest {

    @Test
    void readsLanguageMetaAndCodeOfEachBlockInPageOrder() {
        List<FencedBlock> blocks = FencedBlock.parse("page.md", """
        # Title

        ```bash runnable
        A=1
        echo "$A"
        ```

        ```json
        {"a": 1}
        ```

        1. In a list:

           ```bash runnable status=404
           curl -s http://localhost:8080/nowhere
           ```

        ````bash
        ```
        not a fence of its own
        ````
        """);

        assertThat(blocks).extracting(FencedBlock::line).containsExactly(3, 8, 14, 18);
        assertThat(blocks.get(0).language()).isEqualTo("bash");
        assertThat(blocks.get(0).code()).isEqualTo("A=1\necho \"$A\"\n");
        assertThat(blocks.get(0).runnable()).isTrue();
        assertThat(blocks.get(1).runnable()).isFalse();
        assertThat(blocks.get(2).code()).isEqualTo("curl -s http://localhost:8080/nowhere\n");
        assertThat(blocks.get(2).words()).isEqualTo(Map.of("runnable", "", "status", "404"));
        assertThat(blocks.get(2).where()).isEqualTo("page.md:14");
        assertThat(blocks.get(3).code()).isEqualTo("```\nnot a fence of its own\n");
        assertThat(blocks.get(3).runnable()).isFalse();
    }
}
