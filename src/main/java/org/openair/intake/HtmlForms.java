package org.openair.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * What an HTML form in a message asks the reader to type. A form that asks for a password, a PIN, a
 * card or a social security number harvests secrets; one that asks for a name with a phone number
 * or a postal address collects sales leads; a single search box or an e-mail address for a
 * newsletter asks for neither.
 */
final class HtmlForms {
  // Field kinds read from a field's name, id, placeholder or aria-label, lower case.
  private static final Pattern SECRET =
      Pattern.compile(
          "pass|pwd|(?:^|[^a-z])pin(?:$|[^a-z])|cvv|cvc|card|ccnum|(?:^|[^a-z])ssn(?:$|[^a-z])"
              + "|social.?sec|otp|token|(?:^|[^a-z])(?:login|logon|signin|user(?:name|id)?)"
              + "(?:$|[^a-z])");
  private static final Pattern NAME = Pattern.compile("name");
  private static final Pattern PHONE = Pattern.compile("phone|(?:^|[^a-z])(?:tel|fax|mobile)");
  private static final Pattern ADDRESS =
      Pattern.compile("addr|street|city|(?:^|[^a-z])state|zip|postal|postcode");
  private static final Pattern COMPANY = Pattern.compile("company|business|employer");
  private static final Set<String> NOT_TYPED =
      Set.of("hidden", "submit", "image", "button", "reset");

  /** What one form asks: a secret, and which kinds of personal detail. */
  record Asks(boolean secret, List<String> personalDetails) {
    /** A name with a phone, an address or a company, or two of those: details to sell to. */
    boolean contactDetails() {
      return !secret && personalDetails.size() >= 2;
    }
  }

  private HtmlForms() {}

  /**
   * The form's fields. A form written inside a table keeps its fields outside its own element once
   * parsed (HTML's parsing rules), and jsoup links them to the form instead.
   */
  private static List<Element> fields(Element form) {
    List<Element> fields = new ArrayList<>();
    if (form instanceof FormElement linked) {
      fields.addAll(linked.elements());
    }
    for (Element e : form.select("input, select, textarea")) {
      if (!fields.contains(e)) {
        fields.add(e);
      }
    }
    return fields;
  }

  static Asks asks(Element form) {
    boolean secret = false;
    Set<String> details = new LinkedHashSet<>();
    for (Element field : fields(form)) {
      String type = field.attr("type").strip().toLowerCase(Locale.ROOT);
      if (NOT_TYPED.contains(type)) {
        continue;
      }
      if (type.equals("password")) {
        secret = true;
        continue;
      }
      String label =
          String.join(
                  " ",
                  field.attr("name"),
                  field.attr("id"),
                  field.attr("placeholder"),
                  field.attr("aria-label"))
              .toLowerCase(Locale.ROOT);
      if (SECRET.matcher(label).find()) {
        secret = true;
      } else if (PHONE.matcher(label).find()) {
        details.add("phone");
      } else if (ADDRESS.matcher(label).find()) {
        details.add("address");
      } else if (COMPANY.matcher(label).find()) {
        details.add("company");
      } else if (NAME.matcher(label).find()) {
        details.add("name");
      }
    }
    return new Asks(secret, new ArrayList<>(details));
  }
}
