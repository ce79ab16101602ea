// The chat UI's page script (loaded by assistant.ui as a launch option).
// Markers [n] link to source cards; a click or hover scrolls the sources panel (or, on a
// phone, the chat log around the answer's own "Sources (n)" list) and never the page, so
// the question box stays where it is. Copy puts the answer's Markdown on the clipboard;
// briefingExport() downloads the whole conversation as Markdown. Handlers are delegated
// from the document, so they also work for messages rendered after page load.
(() => {
  const visible = (el) => !!(el && el.offsetParent !== null);
  const scroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (/(auto|scroll)/.test(style.overflowY) && p.scrollHeight > p.clientHeight) return p;
    }
    return null;
  };
  const scrollWithin = (box, card) => {
    if (!box) return;
    const top = card.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTo({ top: box.scrollTop + top - 8, behavior: "smooth" });
  };
  // The card a marker points at: in a visible panel (the sources beside the chat or the
  // briefing), else in the answer's own "Sources (n)" list, opened for it.
  const cardFor = (a) => {
    const id = (a.getAttribute("href") || "").replace(/^#/, "");
    const card = id ? document.getElementById(id) : null;
    if (card) {
      const group = card.closest("details.turn");
      const holder = group ? group.parentElement : card;
      if (visible(holder)) {
        if (group && !group.open) group.open = true;
        return { card, box: scroller(card) };
      }
    }
    const bubble = a.closest(".answer");
    const inline = bubble && bubble.querySelector("details.inline-sources");
    if (!inline) return null;
    inline.open = true;
    const own = inline.querySelector(`#i${id}`);
    return own ? { card: own, box: scroller(own) } : null;
  };
  const show = (a, scroll) => {
    const found = cardFor(a);
    if (!found) return;
    document.querySelectorAll("article.src.active").forEach((c) => c.classList.remove("active"));
    found.card.classList.add("active");
    if (scroll) scrollWithin(found.box, found.card);
  };
  const copyText = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
    } catch (err) {
      const area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
  };
  const hiddenText = (bubble, sel) => {
    const el = bubble && bubble.querySelector(sel);
    return el ? el.textContent : "";
  };
  const markdownOf = (bubble) => hiddenText(bubble, ".md-source");
  const closest = (e, sel) => (e.target && e.target.closest ? e.target.closest(sel) : null);
  document.addEventListener("click", (e) => {
    const a = closest(e, "a.cite");
    if (a) {
      e.preventDefault();
      e.stopPropagation();
      show(a, true);
      return;
    }
    const copy = closest(e, "button.copy-md");
    if (copy) {
      e.preventDefault();
      e.stopPropagation();
      copyText(markdownOf(copy.closest(".answer"))).then(() => {
        copy.textContent = "Copied";
        setTimeout(() => { copy.textContent = "Copy"; }, 1500);
      });
    }
  }, true);
  document.addEventListener("mouseover", (e) => {
    const a = closest(e, "a.cite");
    if (a && window.matchMedia("(hover: hover) and (min-width: 901px)").matches) show(a, true);
  }, true);
  window.briefingMarkdown = () => {
    const parts = ["# Briefing assistant: conversation\n"];
    document.querySelectorAll("#chat .answer").forEach((b) => {
      if (b.querySelector(".md-source")) parts.push(`## ${hiddenText(b, ".md-q")}\n\n${markdownOf(b)}`);
    });
    return parts.join("\n");
  };
  const download = (text, name) => {
    const blob = new Blob([text], { type: "text/markdown" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };
  window.briefingExport = () => download(window.briefingMarkdown(), "conversation.md");
  const noteMarkdown = () => markdownOf(document.querySelector("#briefing .briefing"));
  window.briefingNoteCopy = () => copyText(noteMarkdown());
  window.briefingNoteDownload = () => download(noteMarkdown(), "briefing.md");
})();
