// start refused the release with one sentence naming the parameter and the releases the kit covers; no mock ran.
def log = new File(basedir, 'build.log').text
assert log.contains('EnOS OTA mock: enosVersion must be one of 2.2, 2.3, 2.4, 3.0, was 9.9')
assert !log.contains('EnOS OTA mock: listening on')
