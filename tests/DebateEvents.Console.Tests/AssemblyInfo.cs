// One host and one browser at a time: the machine's cores go to the host's embedded cluster, not to several at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
