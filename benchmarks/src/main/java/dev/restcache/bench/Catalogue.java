package dev.restcache.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The data the endpoints serve: a small record for the 1 KiB response, a list for the costly one.
 */
public final class Catalogue {
  /** A book, serialised by Jackson. */
  public record Book(
      long id, String title, String author, int year, double price, List<String> tags) {}

  private Catalogue() {}

  /** Books whose JSON array, as {@code json} writes it, is at least {@code bytes} long. */
  public static List<Book> booksOfAtLeast(int bytes, ToIntFunction<List<Book>> json) {
    List<Book> books = new ArrayList<>();
    for (long id = 1; json.applyAsInt(books) < bytes; id++) {
      books.add(book(id));
    }
    return books;
  }

  /** {@code count} books, for an endpoint whose cost is serialisation. */
  public static List<Book> books(int count) {
    List<Book> books = new ArrayList<>(count);
    for (long id = 1; id <= count; id++) {
      books.add(book(id));
    }
    return books;
  }

  private static Book book(long id) {
    return new Book(
        id,
        "The Book of Caching, volume " + id,
        "A. N. Author " + (id % 17),
        1900 + (int) (id % 120),
        9.99 + id % 50,
        List.of("http", "cache", "tag" + id % 7));
  }
}
