package dev.worklane.adapter.out.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Smoke test: the module builds, keeps its package, and sees the core but no other adapter. */
class ModuleLayoutTest {

  @Test
  void seesTheApplicationCoreButNoOtherAdapter() {
    assertThat(canLoad("dev.worklane.application.port.out.Transactions")).isTrue();
    assertThat(canLoad("dev.worklane.adapter.in.web.WebAdapterConfiguration")).isFalse();
    assertThat(canLoad("dev.worklane.adapter.out.persistence.PersistenceAdapterConfiguration"))
        .isFalse();
    assertThat(ModuleLayoutTest.class.getPackageName())
        .isEqualTo("dev.worklane.adapter.out.storage");
  }

  private static boolean canLoad(String className) {
    try {
      Class.forName(className, false, ModuleLayoutTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
