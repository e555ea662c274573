package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplatesTest {
  private static final Map<String, String> PARAMS = Map.of("id", "42", "isbn", "978-0");

  @Test
  void placeholdersAreReplacedByPathParameters() {
    assertThat(PathTemplates.resolve("book:{id}", PARAMS::get)).isEqualTo("book:42");
    assertThat(PathTemplates.resolve("/books/{id}/editions/{isbn}", PARAMS::get))
        .isEqualTo("/books/42/editions/978-0");
  }

  @Test
  void regexInATemplateIsIgnored() {
    assertThat(PathTemplates.resolve("book:{id: \\d+}", PARAMS::get)).isEqualTo("book:42");
  }

  @Test
  void unknownOrUnclosedPlaceholdersStayAsWritten() {
    assertThat(PathTemplates.resolve("book:{nope}", PARAMS::get)).isEqualTo("book:{nope}");
    assertThat(PathTemplates.resolve("book:{id", PARAMS::get)).isEqualTo("book:{id");
    assertThat(PathTemplates.resolve("books", PARAMS::get)).isEqualTo("books");
  }

  @Test
  void resolveAllKeepsOrderAndDropsDuplicates() {
    assertThat(PathTemplates.resolveAll(List.of("books", "book:{id}", "books"), PARAMS::get))
        .containsExactly("books", "book:42");
  }
}
