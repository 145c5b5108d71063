// "Select all" in a list's header ticks every message on the page.
document.querySelectorAll('input.select-all').forEach(function (all) {
  all.addEventListener('change', function () {
    all.closest('table').querySelectorAll('input[name=ids]').forEach(function (box) { box.checked = all.checked; });
  });
});
