/* "Kopieer link" and "Citeer" on every record page, "Samenvatting afdrukken" on an opgave (issue 14).
 *
 * The link and the citation are in the HTML (templates' `delen` macro); this fills in today's
 * date where the citation says "geraadpleegd op [datum]" and makes the two buttons copy to the
 * clipboard, saying so in a polite status region. Without JavaScript the buttons are hidden
 * (zonder-js.css) and the citation can be selected and copied by hand.
 */
(function () {
  "use strict";
  var blocks = document.querySelectorAll(".hr-delen");
  if (!blocks.length) return;

  /* Not Intl.DateTimeFormat: loading its Dutch locale data took 340 ms of the main thread
     (Lighthouse's blocking time on every record page). */
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];
  var now = new Date();
  var today = now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
  document.querySelectorAll("[data-hr-vandaag]").forEach(function (date) {
    date.textContent = today;
  });

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.className = "hr-onzichtbaar";
      document.body.appendChild(field);
      field.select();
      var done = document.execCommand("copy");
      field.remove();
      if (done) resolve(); else reject(new Error("kopiëren lukt niet"));
    });
  }

  Array.prototype.forEach.call(blocks, function (block) {
    var message = block.querySelector(".hr-delen__melding");
    block.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-hr-afdrukken")) {
        window.print();
        return;
      }
      var source = button.dataset.hrKopieerVan;
      var text = source ? document.getElementById(source).textContent : button.dataset.hrKopieer;
      var what = source ? "Citaat" : "Link";
      copy(text).then(function () {
        message.textContent = what + " gekopieerd.";
      }, function () {
        message.textContent = what + " kopiëren lukt niet; selecteer de tekst en kopieer die zelf.";
      });
    });
  });
})();
