package dev.restcache.internal.jaxrs;

import dev.restcache.internal.Headers;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translates between the container's header maps and restcache's {@link Headers}. */
final class JaxrsHeaders {
  private JaxrsHeaders() {
  }

  /** The response headers as strings, as the container would write them. */
  static Headers of(MultivaluedMap<String, Object> headers) {
    List<Headers.Field> fields = new ArrayList<>();
    for (Map.Entry<String, List<Object>> header : headers.entrySet()) {
      for (Object value : header.getValue()) {
        if (value != null) {
          fields.add(new Headers.Field(header.getKey(), asString(value)));
        }
      }
    }
    return Headers.of(fields);
  }

  /** Adds {@code fields} to {@code headers}. */
  static void add(MultivaluedMap<String, Object> headers, List<Headers.Field> fields) {
    fields.forEach(field -> headers.add(field.name(), field.value()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String asString(Object value) {
    if (value instanceof String string) {
      return string;
    }
    try {
      RuntimeDelegate.HeaderDelegate delegate =
          RuntimeDelegate.getInstance().createHeaderDelegate(value.getClass());
      return delegate != null ? delegate.toString(value) : value.toString();
    } catch (IllegalArgumentException noDelegate) {
      return value.toString();
    }
  }
}
