package dev.restcache.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restcache.ResponseCache;
import dev.restcache.ResponseCacheFeature;
import org.junit.jupiter.api.Test;

class ResponseCacheExtensionTest {
  private final ResponseCacheExtension extension = new ResponseCacheExtension();
  private final ResponseCache injected = new RegisteredCache(extension);

  @Test
  void theInjectedHandleIsTheRegisteredFeaturesCache() {
    ResponseCacheFeature feature = ResponseCacheFeature.withDefaults();
    extension.register(feature.cache());
    extension.register(feature.cache());

    injected.invalidateTags("books");

    assertThat(injected.stats()).isEqualTo(feature.cache().stats());
  }

  @Test
  void aHandleUsedBeforeAnyFeatureRegisteredSaysSo() {
    assertThatThrownBy(() -> injected.invalidatePath("/books"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no ResponseCacheFeature has been registered");
  }

  @Test
  void twoFeaturesInOneDeploymentMakeTheInjectedHandleRefuseToGuess() {
    extension.register(ResponseCacheFeature.withDefaults().cache());
    extension.register(ResponseCacheFeature.withDefaults().cache());

    assertThatThrownBy(injected::clear)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 ResponseCacheFeatures are registered");
  }
}
