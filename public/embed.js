/*
 * Données EIG — resizes the iframes of embedded charts to their content.
 * Paste once per page, after the iframes:
 *   <script async src="https://data.eig-forever.org/embed.js"></script>
 * Each chart (/embed/<slug>/) posts {type: "eig-embed:height", slug, height} to its parent whenever its height
 * changes; this script sets that height on the iframe the message came from, and asks the charts already loaded
 * to say it again. Messages from other origins are ignored. Licence: MIT.
 */
(function () {
  if (window.__eigEmbedResize) return;
  window.__eigEmbedResize = true;
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : null;
  window.addEventListener('message', function (event) {
    if (origin && event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'eig-embed:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(100, Math.min(5000, Math.ceil(data.height))) + 'px';
      }
    }
  });
  // This script loads after the iframes: those that spoke before it listened are asked to say their height again.
  if (!origin) return;
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].src.indexOf(origin + '/embed/') === 0 && frames[i].contentWindow) {
      frames[i].contentWindow.postMessage({ type: 'eig-embed:ask-height' }, origin);
    }
  }
})();
