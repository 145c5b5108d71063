// The dashboard refreshes itself while it is shown; a hidden tab does not poll.
(function () {
  setInterval(function () {
    if (!document.hidden) { location.reload(); }
  }, 30000);
})();
