"""Forms of the register pages. They parse input into the keyword arguments of nominals.services; the
rules (identifier formats, plausible dates, who may write, likely duplicates) live in the models' clean()
and the services, whose ValidationError the views put back on the form with
`ocgshare.service_errors.add_service_errors`, so the pages and the API give the same answers.
"""
