from tealeaves.cli import main

main()
