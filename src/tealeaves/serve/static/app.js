/* tealeaves page behaviour (MIT, part of tealeaves): legend toggles and fact links on the document page. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var body = document.getElementById("document");
    document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
      box.addEventListener("change", function () { body.classList.toggle("hide-" + box.dataset.kind, !box.checked); });
    });
    document.querySelectorAll("tr[data-ref]").forEach(function (row) {
      row.addEventListener("click", function () {
        var ref = row.dataset.ref;
        var span = document.querySelector('#doc-body [data-refs~="' + ref + '"], .doc-title [data-refs~="' + ref + '"]');
        if (!span) return;
        span.scrollIntoView({block: "center"});
        span.classList.add("flash");
        setTimeout(function () { span.classList.remove("flash"); }, 1200);
      });
    });
    document.querySelectorAll("#doc-body .hl, .doc-title .hl").forEach(function (span) {
      span.addEventListener("click", function () {
        var first = span.dataset.refs.split(" ").filter(function (r) { return r.indexOf("match-") !== 0; })[0];
        var row = first && document.getElementById(first);
        if (row) { row.scrollIntoView({block: "center"}); row.classList.add("flash");
          setTimeout(function () { row.classList.remove("flash"); }, 1200); }
      });
    });
  });
})();
