# Opens each NAME.html (names on the command line, in the current folder) in headless Chromium, runs axe-core
# on it, and prints "NAME: N violations, N console errors, images loaded: True|False" with the details; saves
# NAME.png, a screenshot. Exit 1 when any page has a violation, a console error or an image that did not load.
# Shared by the HTML tests of StapelTablesTests and StapelCLITests.
import os, sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from axe_selenium_python import Axe

options = webdriver.ChromeOptions()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1000,1400"]:
    options.add_argument(a)
options.binary_location = "/usr/bin/chromium"
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
failed = False
try:
    for name in sys.argv[1:]:
        driver.get("file://" + os.path.abspath(name + ".html"))
        ok = driver.execute_script("return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        violations = results["violations"]
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(name + ".png")
        print(f"{name}: {len(violations)} violations, {len(errors)} console errors, images loaded: {ok}")
        for v in violations:
            print("  ", v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for e in errors:
            print("  ", e["message"])
        failed = failed or bool(violations) or bool(errors) or not ok
finally:
    driver.quit()
sys.exit(1 if failed else 0)
