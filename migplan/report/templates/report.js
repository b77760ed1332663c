/* migplan report: sortable and filterable tables, expandable rows, copy buttons, print expansion.
   Vanilla JS, no network. Works on the DOM the report already has; without JS everything is shown. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  function each(sel, fn, scope) { Array.prototype.forEach.call((scope || document).querySelectorAll(sel), fn); }
  function units(table) { return Array.prototype.filter.call(table.tBodies, function (b) { return b.classList.contains("unit"); }); }

  // Sorting: each <tbody class="unit"> is one entry (a row and its details); its first row holds the keys.
  function key(unit, col) {
    var cell = unit.rows[0] && unit.rows[0].cells[col];
    if (!cell) { return ""; }
    var v = cell.getAttribute("data-v");
    return v !== null ? v : cell.textContent.trim().toLowerCase();
  }
  var NUM = /^-?\d+(\.\d+)?$/;
  function compare(a, b) {
    if (NUM.test(a) && NUM.test(b)) { return parseFloat(a) - parseFloat(b); }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  each("table.sortable", function (table) {
    each("thead th", function (th, col) {
      var btn = th.querySelector("button.sort");
      if (!btn) { return; }
      btn.addEventListener("click", function () {
        var desc = th.getAttribute("aria-sort") === "ascending";
        each("thead th", function (o) { o.removeAttribute("aria-sort"); }, table);
        th.setAttribute("aria-sort", desc ? "descending" : "ascending");
        var list = units(table).map(function (u, i) { return { u: u, k: key(u, col), i: i }; });
        list.sort(function (x, y) { return (desc ? -1 : 1) * compare(x.k, y.k) || x.i - y.i; });
        list.forEach(function (e) { table.appendChild(e.u); });
      });
    }, table);
  });

  // Filtering: a text box (matches anywhere in the entry) and a select on a data attribute.
  each(".controls[data-for]", function (box) {
    var table = document.getElementById(box.getAttribute("data-for"));
    if (!table) { return; }
    var text = box.querySelector("input[type=search]");
    var select = box.querySelector("select");
    var count = box.querySelector(".count");
    function apply() {
      var q = text ? text.value.trim().toLowerCase() : "";
      var want = select ? select.value : "";
      var attr = select ? select.getAttribute("data-attr") : null;
      var shown = 0, all = units(table);
      all.forEach(function (u) {
        var ok = (!q || u.textContent.toLowerCase().indexOf(q) >= 0) &&
                 (!want || (u.getAttribute("data-" + attr) || "") === want);
        u.classList.toggle("hidden-by-filter", !ok);
        if (ok) { shown += 1; }
      });
      if (count) { count.textContent = shown + " of " + all.length + " shown"; }
    }
    if (text) { text.addEventListener("input", apply); }
    if (select) { select.addEventListener("change", apply); }
    apply();
  });

  // Expandable entries: the toggle button in the first cell opens the entry's detail row.
  function setOpen(unit, open) {
    unit.classList.toggle("open", open);
    var b = unit.querySelector("button.toggle");
    if (b) { b.setAttribute("aria-expanded", open ? "true" : "false"); b.textContent = open ? "▾" : "▸"; }
  }
  each("button.toggle", function (b) {
    b.addEventListener("click", function () {
      var unit = b.closest("tbody");
      setOpen(unit, !unit.classList.contains("open"));
    });
  });
  each("button[data-expand]", function (b) {
    b.addEventListener("click", function () {
      var table = document.getElementById(b.getAttribute("data-expand"));
      var open = b.getAttribute("data-open") === "1";
      if (table) { units(table).forEach(function (u) { setOpen(u, open); }); }
    });
  });
  // Links to an action code or a DDL file open what they point at.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === "TBODY") { setOpen(el, true); }
    if (el && el.tagName === "DETAILS") { el.open = true; }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // Copy buttons: the clipboard API where the page may use it, else a selected textarea.
  function fallbackCopy(text) {
    var ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.left = "-9999px";
    document.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(ta);
    return ok;
  }
  function flash(btn, msg) {
    var old = btn.getAttribute("data-label") || btn.textContent;
    btn.setAttribute("data-label", old);
    btn.textContent = msg;
    setTimeout(function () { btn.textContent = old; }, 1500);
  }
  each("button.copy", function (btn) {
    btn.addEventListener("click", function () {
      var src = document.getElementById(btn.getAttribute("data-copy"));
      if (!src) { return; }
      var text = src.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { flash(btn, "Copied"); }, function () {
          flash(btn, fallbackCopy(text) ? "Copied" : "Select and copy");
        });
      } else {
        flash(btn, fallbackCopy(text) ? "Copied" : "Select and copy");
      }
    });
  });

  // Printing shows everything: open every <details> and entry, then restore what was closed.
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    reopened = [];
    each("details:not([open])", function (d) { d.setAttribute("open", ""); reopened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (d) { d.removeAttribute("open"); });
    reopened = [];
  });

  // The embedded data must parse: a broken escape would show up here as an error.
  var data = document.getElementById("migplan-data");
  if (data) { root.setAttribute("data-migplan-items", String(JSON.parse(data.textContent).summary.action_items)); }

  root.setAttribute("data-migplan-ready", "1");
}());
