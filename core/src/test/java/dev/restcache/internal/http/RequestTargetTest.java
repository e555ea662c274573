package dev.restcache.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A target read off the connection is the one the request's URI gives, or none: the fast way never
 * keys a request differently from the slow way, and refuses what it cannot read exactly.
 */
class RequestTargetTest {
  @ParameterizedTest
  @CsvSource({
    "http, 127.0.0.1:8080, /books/1",
    "http, Shop.Example, /books/1?b=2&a=1",
    "https, shop.example:443, /a;m=1/%2F/b?",
    "http, shop.example., /",
    "http, a-b.c1.example, /x?q=%20&r=?/",
    "http, 999.1.1.1.example, /~user/(x)!$&'*+,;=:@"
  })
  void readsWhatTheUriGives(String scheme, String authority, String originForm) {
    assertThat(RequestTarget.ofOriginForm(scheme, authority, originForm))
        .contains(RequestTarget.of(URI.create(scheme + "://" + authority + originForm)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http | h | http://h/x",
        "http | h | *",
        "http | h | ''",
        "http | h | /a b",
        "http | h | /a#f",
        "http | h | /a%2",
        "http | h | /a%zz",
        "http | h | /caf\u00e9",
        "http | h | /a\"b",
        "http | h | /{x}",
        "http | u@h | /",
        "http | a_b | /",
        "http | 1abc | /",
        "http | 999.1.1.1 | /",
        "http | -h | /",
        "http | h..example | /",
        "http | [::1]:8080 | /",
        "http | h: | /",
        "http | h:123456 | /",
        "http | h:8\u0661 | /",
        "http | :80 | /"
      })
  void refusesWhatItCannotReadExactly(String scheme, String authority, String originForm) {
    assertThat(RequestTarget.ofOriginForm(scheme, authority, originForm)).isEmpty();
  }

  @Test
  void refusesAMissingPart() {
    assertThat(RequestTarget.ofOriginForm("http", null, "/")).isEmpty();
    assertThat(RequestTarget.ofOriginForm(null, "h", "/")).isEmpty();
    assertThat(RequestTarget.ofOriginForm("http", "h", null)).isEmpty();
  }

  @Test
  void userinfoAndFragmentsCannotBeRepresented() {
    assertThat(RequestTarget.of(URI.create("http://u@h/x")).representable()).isFalse();
    assertThat(RequestTarget.of(URI.create("http://h/x#f")).representable()).isFalse();
    assertThat(RequestTarget.of(URI.create("http://h/x")).representable()).isTrue();
  }

  @Test
  void twoRegistryNamesNeverShareATarget() {
    assertThat(RequestTarget.of(URI.create("http://a_b/x")))
        .isNotEqualTo(RequestTarget.of(URI.create("http://c_d/x")));
  }

  @Property(tries = 5000)
  void anyTargetReadOffTheConnectionIsTheUrisOwn(
      @ForAll("authorities") String authority,
      @ForAll("originForms") String originForm,
      @ForAll boolean secure) {
    String scheme = secure ? "https" : "http";
    Optional<RequestTarget> read = RequestTarget.ofOriginForm(scheme, authority, originForm);
    if (read.isPresent()) {
      URI uri;
      try {
        uri = new URI(scheme + "://" + authority + originForm);
      } catch (URISyntaxException e) {
        throw new AssertionError("read a target no URI has: " + read.get(), e);
      }
      assertThat(read.get()).isEqualTo(RequestTarget.of(uri));
    }
  }

  @Provide
  static Arbitrary<String> authorities() {
    return Arbitraries.strings().withChars("ab1.-_:@[]9%").ofMinLength(1).ofMaxLength(10);
  }

  @Provide
  static Arbitrary<String> originForms() {
    return Arbitraries.strings()
        .withChars("/a?#%2F;=& .~\"{é")
        .ofMaxLength(10)
        .map(text -> "/" + text);
  }
}
