// duban console: uploads with progress, source ↔ task scrolling, bar widths,
// confirmations. No inline script (the CSP forbids it), no dependencies.
(function () {
  "use strict";

  // Bars of the 总览: widths from data attributes.
  document.querySelectorAll(".bar[data-w]").forEach(function (b) {
    var w = +b.dataset.w, m = +b.dataset.max || 1;
    b.style.width = Math.round((w / m) * 100) + "%";
  });

  document.querySelectorAll("[data-confirm]").forEach(function (el) {
    el.addEventListener("click", function (e) {
      if (!window.confirm(el.dataset.confirm)) e.preventDefault();
    });
  });

  // 审核: clicking a task's number scrolls the text to its source line and
  // marks it; the ↗ beside a source line goes back to the task.
  // Scroll only the panel holding el (not the page), el to its middle.
  function hit(el) {
    document.querySelectorAll(".hit").forEach(function (x) { x.classList.remove("hit"); });
    el.classList.add("hit");
    var box = el.closest(".split > section");
    if (!box) { el.scrollIntoView({ block: "center" }); return; }
    var r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    // A task taller than half the panel shows from its header down.
    box.scrollTop += (r.top - b.top) - Math.max(48, (box.clientHeight - r.height) / 2);
  }
  document.querySelectorAll("a.tid").forEach(function (a) {
    a.addEventListener("click", function (e) {
      var l = document.getElementById("L" + a.dataset.line);
      if (!l) return;
      e.preventDefault();
      hit(l);
      history.replaceState(null, "", "#L" + a.dataset.line);
    });
  });
  document.querySelectorAll("a.back").forEach(function (a) {
    a.addEventListener("click", function (e) {
      var t = document.getElementById(a.getAttribute("href").slice(1));
      if (!t) return;
      e.preventDefault();
      hit(t);
    });
  });
  // 审核: the two panels fill the window below the page's heading, however
  // many lines (a message, warnings) the heading has: the page itself does
  // not scroll, so the browser's jump to a #task after a change cannot
  // take the top bar out of view (only the panel scrolls, below).
  var panels = document.querySelector("main > .split");
  function fit() {
    var top = panels.getBoundingClientRect().top + window.scrollY;
    var below = document.documentElement.scrollHeight - (top + panels.offsetHeight);
    panels.style.height = Math.max(420, window.innerHeight - top - below) + "px";
    window.scrollTo(0, 0);
  }
  if (panels) {
    fit();
    window.addEventListener("resize", fit);
    window.addEventListener("load", fit);
  }
  if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) hit(target);
  }

  // 审核, 拆分: "在光标处断开" moves the text after the cursor of 本项保留
  // into 拆出为新任务.
  document.querySelectorAll(".split-form input.cut").forEach(function (b) {
    b.addEventListener("click", function () {
      var f = b.form, ta = f.elements.text, t2 = f.elements.text2;
      var i = ta.selectionStart, v = ta.value;
      if (!(i > 0 && i < v.length)) {
        window.alert("请先在“本项保留”中把光标放到要断开的位置");
        ta.focus();
        return;
      }
      t2.value = v.slice(i).trim();
      ta.value = v.slice(0, i).trim();
      t2.focus();
    });
  });

  // 通知: several files by picker or drag-and-drop, one request per file,
  // each with its progress and its result (or why it failed).
  var form = document.getElementById("upload");
  if (!form) return;
  var drop = document.getElementById("drop");
  var input = document.getElementById("files");
  var queue = document.getElementById("queue");
  var maxBytes = (+form.dataset.max || 32) * 1024 * 1024;
  var pending = 0;
  var labels = { extracted: "已读取", unchanged: "未变化", duplicate: "重复", failed: "失败" };

  function send(file) {
    var li = document.createElement("li");
    var name = document.createElement("span");
    name.className = "fname";
    name.textContent = file.name;
    var state = document.createElement("span");
    state.textContent = "上传中";
    var bar = document.createElement("progress");
    bar.max = 100; bar.value = 0;
    li.append(name, state, bar);
    queue.prepend(li);
    function done(ok, text, slug) {
      bar.remove();
      state.className = ok ? "ok" : "bad";
      state.textContent = text;
      li.className = ok ? "up-ok" : "up-failed";
      if (slug) {
        var a = document.createElement("a");
        a.href = "/notices/" + encodeURIComponent(slug);
        a.textContent = " 审核";
        li.append(a);
      }
      if (--pending === 0) setTimeout(function () { location.reload(); }, 1200);
    }
    if (file.size > maxBytes) { pending++; done(false, "失败：文件超过 " + form.dataset.max + " MB"); return; }
    pending++;
    var fd = new FormData();
    fd.append("csrf", form.dataset.csrf);
    fd.append("file", file, file.name);
    var x = new XMLHttpRequest();
    x.open("POST", form.action);
    x.setRequestHeader("Accept", "application/json");
    x.setRequestHeader("X-CSRF-Token", form.dataset.csrf);
    x.upload.onprogress = function (e) {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 90);
      if (e.loaded === e.total) state.textContent = "读取中";
    };
    x.onload = function () {
      var body = null;
      try { body = JSON.parse(x.responseText); } catch (err) { /* not JSON */ }
      if (x.status !== 200 || !Array.isArray(body)) {
        done(false, "失败：" + ((body && body.error) || ("HTTP " + x.status)));
        return;
      }
      var r = body[0];
      if (r.status === "failed") done(false, "失败：" + r.error);
      else done(true, (labels[r.status] || r.status) + (r.tasks ? "，" + r.tasks + " 项任务" : ""), r.slug);
    };
    x.onerror = function () { done(false, "失败：网络错误"); };
    x.send(fd);
  }
  function sendAll(files) { Array.prototype.forEach.call(files, send); }
  input.addEventListener("change", function () { sendAll(input.files); input.value = ""; });
  ["dragenter", "dragover"].forEach(function (ev) {
    drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (ev) {
    drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) { sendAll(e.dataTransfer.files); });
})();
