package dev.restcache.demo;

/** A book in the demo store. */
public record Book(long id, String title, String author, int year) {

  /** The same book with another id. */
  public Book withId(long newId) {
    return new Book(newId, title, author, year);
  }
}
