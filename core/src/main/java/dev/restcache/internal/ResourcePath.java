package dev.restcache.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource method's path template, which turns every spelling of a request path it matches into
 * the one path entries are indexed and evicted by: {@code /items/01}, {@code /items/+1} and {@code
 * /items/1} all become {@code /items/1} when {@code {id}} is a {@code long}.
 *
 * <p>The template matches the end of a canonical path ({@link CacheKeys#path(String)}), so the
 * application's base path and a sub-resource locator's path are kept as they are.
 */
public final class ResourcePath {
  private final String template;
  private final Pattern pattern;
  private final List<UnaryOperator<String>> spellings;

  private ResourcePath(String template, Pattern pattern, List<UnaryOperator<String>> spellings) {
    this.template = template;
    this.pattern = pattern;
    this.spellings = spellings;
  }

  /**
   * The template {@code template} (Jakarta REST syntax, {@code {name}} or {@code {name: regex}}),
   * with a canonical spelling for the parameters named in {@code spellingByName}; null when none of
   * its parameters has one, since the template then changes no path.
   */
  public static ResourcePath of(
      String template, Map<String, UnaryOperator<String>> spellingByName) {
    // Canonical paths have no trailing slash.
    while (template.length() > 1 && template.endsWith("/")) {
      template = template.substring(0, template.length() - 1);
    }
    StringBuilder regex = new StringBuilder("^(.*?)");
    List<UnaryOperator<String>> spellings = new ArrayList<>();
    boolean changesAny = false;
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int close = closingBrace(template, i);
      if (close < 0) {
        return null;
      }
      regex.append(literalPattern(literal.toString()));
      literal.setLength(0);
      String parameter = template.substring(i + 1, close);
      int colon = parameter.indexOf(':');
      String name = (colon < 0 ? parameter : parameter.substring(0, colon)).trim();
      String valuePattern = colon < 0 ? "[^/]+" : parameter.substring(colon + 1).trim();
      regex.append("(?<p").append(spellings.size()).append('>').append(valuePattern).append(')');
      UnaryOperator<String> spelling = spellingByName.get(name);
      changesAny |= spelling != null;
      spellings.add(spelling != null ? spelling : UnaryOperator.identity());
      i = close + 1;
    }
    regex.append(literalPattern(literal.toString())).append('$');
    if (!changesAny) {
      return null;
    }
    try {
      return new ResourcePath(template, Pattern.compile(regex.toString()), List.copyOf(spellings));
    } catch (IllegalArgumentException badRegex) {
      return null;
    }
  }

  /**
   * The canonical spelling of {@code canonicalPath} when this template matches its end, or null
   * when it does not match.
   */
  public String resourcePath(String canonicalPath) {
    Matcher matcher = pattern.matcher(canonicalPath);
    if (!matcher.matches()) {
      return null;
    }
    StringBuilder out = new StringBuilder(canonicalPath.length());
    int copied = 0;
    for (int p = 0; p < spellings.size(); p++) {
      String group = "p" + p;
      out.append(canonicalPath, copied, matcher.start(group));
      out.append(spellings.get(p).apply(matcher.group(group)));
      copied = matcher.end(group);
    }
    return out.append(canonicalPath, copied, canonicalPath.length()).toString();
  }

  // Literal text in canonical path form, so that it matches what CacheKeys.path produced.
  private static String literalPattern(String literal) {
    if (literal.isEmpty()) {
      return "";
    }
    String canonical = CacheKeys.path(literal);
    boolean trailingSlash = literal.endsWith("/") && !canonical.equals("/");
    String text = literal.startsWith("/") ? canonical : canonical.substring(1);
    if (trailingSlash) {
      text = text + "/";
    }
    return Pattern.quote(text);
  }

  private static int closingBrace(String template, int open) {
    int depth = 0;
    for (int i = open; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return template;
  }
}
