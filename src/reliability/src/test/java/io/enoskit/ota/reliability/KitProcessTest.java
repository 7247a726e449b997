package io.enoskit.ota.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The used heap is read from {@code jcmd GC.heap_info} as each JDK words it, so the "heap stays flat" check runs. */
class KitProcessTest {

    @Test
    void theUsedHeapIsReadAsJdk21AndJdk25WordIt() {
        assertThat(KitProcess.usedKib("""
                1234:
                 garbage-first heap   total 131072K, used 23456K [0x0000000680000000, 0x0000000800000000)
                  region size 2048K, 3 young (6144K), 1 survivors (2048K)
                """)).isEqualTo(23456);
        assertThat(KitProcess.usedKib("""
                1212:
                garbage-first heap   total reserved 6172672K, committed 69632K, used 42840K [0x0000000687400000, \
                0x0000000800000000)
                 region size 4096K, 7 young (28672K), 1 survivors (4096K)
                """)).isEqualTo(42840);
    }

    @Test
    void generationsAreSummedWhenNoLineIsTheWholeHeap() {
        assertThat(KitProcess.usedKib("""
                 def new generation   total 9216K, used 1000K [0x0000000700000000, 0x0000000700a00000)
                 tenured generation   total 20480K, used 3000K [0x0000000700a00000, 0x0000000701e00000)
                """)).isEqualTo(4000);
        assertThat(KitProcess.usedKib("no heap here")).isEqualTo(-1);
    }
}
