-- checkConfirmUrlBrowser: the browser that first opened the payment link (a hash of its id cookie).
ALTER TABLE payments ADD COLUMN started_browser text;
