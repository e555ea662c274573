package dev.restcache.internal.jaxrs;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.restcache.ResponseCacheFeature;
import org.junit.jupiter.api.Test;

class CdiSupportTest {
  @Test
  void withTheCdiApiButNoContainerRegisteringDoesNothing() {
    assertThatCode(() -> CdiSupport.register(ResponseCacheFeature.withDefaults().cache()))
        .doesNotThrowAnyException();
  }
}
