// "Upload" a message into the text box: read in the browser, never sent as a file.
var upload = document.getElementById('upload');
if (upload) {
  upload.addEventListener('change', function () {
    var file = upload.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () { document.querySelector('textarea[name=message]').value = reader.result; };
    reader.readAsText(file, /\.edi$/i.test(file.name) ? 'ISO-8859-1' : 'UTF-8');
  });
}
